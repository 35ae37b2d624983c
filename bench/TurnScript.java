import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the statements PostgreSQL logged for one chat turn into a pgbench script that runs the very same
 * SQL (run with `java bench/TurnScript.java SESSION_UUID PUBLIC_SESSION_ID USER_SEQ < log`).
 *
 * <p>The log must come from {@code log_statement=all} with {@code log_line_prefix='@@%p@@ '} and hold only
 * that turn. Every bound parameter becomes the literal it was, except the three that differ from turn
 * to turn: the public session id becomes {@code :sid} (chosen by the script's {@code \set}), the
 * session's row id becomes {@code :s_id} (stored by {@code \gset} from the session lookup, as the service
 * reads it from the same row), and the user message's seq becomes {@code :u_seq} (stored from the append
 * that assigned it). pgbench's {@code -M prepared} then prepares each statement once per connection, as
 * the JDBC driver does.
 */
public class TurnScript {

    private static final Pattern ENTRY = Pattern.compile("^@@\\d+@@ (LOG|DETAIL):  (.*)$");
    private static final Pattern STATEMENT = Pattern.compile("^(?:statement|execute [^:]+): (.*)$", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'(?:[^']|'')*')");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");
    private static final Pattern VARIABLE_LIKE = Pattern.compile(":[A-Za-z0-9_]");

    private record Statement(String sql, Map<Integer, String> parameters) {}

    public static void main(String[] args) throws Exception {
        String sessionUuid = quoted(args[0]);
        String publicId = quoted(args[1]);
        String userSeq = quoted(args[2]);
        List<Statement> statements = read(new BufferedReader(new InputStreamReader(System.in)));

        StringBuilder script = new StringBuilder("\\set sid :first_sid + random(0, :sessions - 1)\n");
        boolean sessionRead = false;
        boolean userAppended = false;
        for (Statement statement : statements) {
            boolean usesPublicId = statement.parameters().containsValue(publicId);
            boolean appendsUserMessage = !userAppended && statement.sql().contains("INSERT INTO agent_messages");
            Matcher placeholder = PLACEHOLDER.matcher(statement.sql());
            StringBuilder sql = new StringBuilder();
            while (placeholder.find()) {
                String value = statement.parameters().get(Integer.parseInt(placeholder.group(1)));
                if (value == null) {
                    throw new IllegalStateException("no logged value for " + placeholder.group() + " in " + statement.sql());
                }
                String replacement = value.equals(publicId) ? ":sid"
                        : value.equals(sessionUuid) ? ":s_id"
                        : userAppended && value.equals(userSeq) ? ":u_seq"
                        : literal(value);
                placeholder.appendReplacement(sql, Matcher.quoteReplacement(replacement));
            }
            placeholder.appendTail(sql);
            String ending = usesPublicId ? " \\gset s_" : appendsUserMessage ? " \\gset u_" : ";";
            script.append(sql).append(ending).append('\n');
            sessionRead |= usesPublicId;
            userAppended |= appendsUserMessage;
        }
        if (!sessionRead || !userAppended) {
            throw new IllegalStateException("the log does not hold a whole chat turn on session " + args[1]);
        }
        System.out.print(script);
    }

    private static List<Statement> read(BufferedReader log) throws Exception {
        List<Statement> statements = new ArrayList<>();
        String kind = null;
        StringBuilder text = null;
        for (String line = log.readLine(); ; line = log.readLine()) {
            Matcher entry = line == null ? null : ENTRY.matcher(line);
            if (line == null || entry.matches()) {
                if (text != null) {
                    add(statements, kind, text.toString());
                }
                if (line == null) {
                    return statements;
                }
                kind = entry.group(1);
                text = new StringBuilder(entry.group(2));
            } else if (text != null) {
                text.append('\n').append(line);
            }
        }
    }

    private static void add(List<Statement> statements, String kind, String text) {
        if (kind.equals("LOG")) {
            Matcher statement = STATEMENT.matcher(text);
            if (statement.matches()) {
                statements.add(new Statement(statement.group(1).strip(), new LinkedHashMap<>()));
            }
        } else if (text.startsWith("parameters: ") && !statements.isEmpty()) {
            Matcher parameter = PARAMETER.matcher(text);
            while (parameter.find()) {
                statements.get(statements.size() - 1).parameters().put(Integer.parseInt(parameter.group(1)), parameter.group(2));
            }
        }
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The logged value as an untyped literal, which PostgreSQL types from its context as it does a parameter. */
    private static String literal(String value) {
        if (VARIABLE_LIKE.matcher(value).find()) {
            throw new IllegalStateException("pgbench would read " + value + " as holding a variable");
        }
        return value;
    }
}
