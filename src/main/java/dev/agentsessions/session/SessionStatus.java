package dev.agentsessions.session;

import java.util.Locale;

public enum SessionStatus {
    ACTIVE,
    INACTIVE,
    ENDED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SessionStatus of(String dbValue) {
        return valueOf(dbValue.toUpperCase(Locale.ROOT));
    }
}
