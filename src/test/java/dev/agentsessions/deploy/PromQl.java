package dev.agentsessions.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the metric names out of a PromQL expression (enough PromQL for dashboards and alert rules). */
final class PromQl {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern LABEL_LIST =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "atan2");

    private PromQl() {}

    /** Every metric a query selects; functions, aggregations, label names, keywords and Grafana variables are not. */
    static Set<String> metricNames(String query) {
        String bare = STRING.matcher(query).replaceAll("\"\"");
        bare = LABEL_MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        bare = LABEL_LIST.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher word = IDENTIFIER.matcher(bare);
        while (word.find()) {
            char before = word.start() == 0 ? ' ' : bare.charAt(word.start() - 1);
            boolean partOfNumberOrVariable = Character.isDigit(before) || before == '.' || before == '$';
            boolean calledAsFunction = bare.substring(word.end()).stripLeading().startsWith("(");
            if (!partOfNumberOrVariable && !calledAsFunction && !KEYWORDS.contains(word.group())) {
                names.add(word.group());
            }
        }
        return names;
    }
}
