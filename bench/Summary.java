import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one flat JSON object per line from stdin; prints {"field":{"min":..,"median":..,"max":..},...} for the named fields. */
public class Summary {

    public static void main(String[] fields) throws Exception {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String field : fields) {
            values.put(field, new ArrayList<>());
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            for (String field : fields) {
                Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9.]+(?:E-?[0-9]+)?)").matcher(line);
                if (m.find()) {
                    values.get(field).add(Double.parseDouble(m.group(1)));
                }
            }
        }
        StringBuilder out = new StringBuilder("{\"summary\":{");
        values.forEach((field, list) -> {
            list.sort(null);
            if (out.charAt(out.length() - 1) != '{') {
                out.append(',');
            }
            out.append(String.format("\"%s\":{\"min\":%.2f,\"median\":%.2f,\"max\":%.2f,\"runs\":%d}", field,
                    list.isEmpty() ? Double.NaN : list.get(0), list.isEmpty() ? Double.NaN : list.get(list.size() / 2),
                    list.isEmpty() ? Double.NaN : list.get(list.size() - 1), list.size()));
        });
        System.out.println(out.append("}}"));
    }
}
