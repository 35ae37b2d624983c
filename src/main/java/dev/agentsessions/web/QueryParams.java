package dev.agentsessions.web;

/** Integer query parameters parsed with a problem answer that names the parameter (JAX-RS would say 404). */
public final class QueryParams {

    private QueryParams() {}

    public static int intParam(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInput(name, "must be a whole number from " + min + " to " + max);
    }
}
