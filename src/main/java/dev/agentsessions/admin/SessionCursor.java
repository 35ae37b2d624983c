package dev.agentsessions.admin;

import dev.agentsessions.web.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a walk through the session list stopped: the last row's (last_activity_at, id). Opaque to
 * clients (base64url); the id breaks ties between sessions active in the same microsecond.
 */
record SessionCursor(Instant lastActivityAt, UUID id) {

    private static final String FIELD = "cursor";

    static SessionCursor of(OperatorSessionRow row) {
        return new SessionCursor(row.view().lastActivityAt(), row.id());
    }

    String encode() {
        String plain = ChronoUnit.MICROS.between(Instant.EPOCH, lastActivityAt) + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a previous page handed out; null when the walk starts at the newest session. */
    static SessionCursor decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            long micros = Long.parseLong(plain.substring(0, colon));
            return new SessionCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(plain.substring(colon + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException
                | java.time.DateTimeException e) {
            throw new InvalidInput(FIELD, "is not a cursor this API handed out; pass next_cursor from the previous page");
        }
    }
}
