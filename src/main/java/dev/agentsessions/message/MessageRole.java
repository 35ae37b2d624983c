package dev.agentsessions.message;

import java.util.Locale;

public enum MessageRole {
    USER,
    ASSISTANT,
    SYSTEM,
    TOOL;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
