package dev.agentsessions.web;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** A browser origin (`scheme://host[:port]`), compared in normalised form. */
public record WebOrigin(String scheme, String host, int port) {

    /** Parses an origin, or empty when the text is not a plain http(s) origin (a path, `null`, garbage). */
    public static Optional<WebOrigin> parse(String text) {
        if (text == null || text.isBlank() || text.length() > 300) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null || !bare) {
                return Optional.empty();
            }
            int port = uri.getPort() == defaultPort(scheme) ? -1 : uri.getPort();
            return Optional.of(new WebOrigin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    @Override
    public String toString() {
        return scheme + "://" + host + (port == -1 ? "" : ":" + port);
    }
}
