package dev.agentsessions.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentsessions.message.MessageRepository;
import dev.agentsessions.message.MessageView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session as one JSON document (session with context, then every message), written while it is read:
 * messages come in pages by seq, each page in its own short transaction, so neither the whole history nor
 * a database connection is held while a slow client downloads.
 */
@ApplicationScoped
public class SessionExporter {

    private static final int PAGE = 500;

    private final SessionAdminService sessions;
    private final MessageRepository messages;
    private final ObjectMapper json;

    public SessionExporter(SessionAdminService sessions, MessageRepository messages, ObjectMapper json) {
        this.sessions = sessions;
        this.messages = messages;
        this.json = json;
    }

    /** Looks the session up now (so an unknown one is a 404); the messages are read as the body is written. */
    public StreamingOutput export(String sessionId) {
        SessionAdminService.ExportHead head = sessions.exportHead(sessionId);
        Instant exportedAt = Instant.now();
        return output -> {
            try (JsonGenerator generator = json.createGenerator(output)) {
                // A failed export must end as broken JSON, never be closed up to look complete.
                generator.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
                generator.writeStartObject();
                generator.writeObjectField("exported_at", exportedAt);
                generator.writeObjectField("session", head.session());
                generator.writeArrayFieldStart("messages");
                writeMessages(generator, head.key(), head.session().messageCount());
                generator.writeEndArray();
                generator.writeEndObject();
            }
        };
    }

    /** Exactly the messages the session had when the export began (seq 1..messageCount). */
    private void writeMessages(JsonGenerator generator, UUID key, int messageCount) throws IOException {
        int afterSeq = 0;
        while (afterSeq < messageCount) {
            int from = afterSeq;
            List<MessageView> page = QuarkusTransaction.requiringNew().call(() ->
                    messages.between(key, from, messageCount + 1, PAGE));
            if (page.isEmpty()) {
                throw new IOException("Session was erased during its export after seq " + afterSeq);
            }
            for (MessageView message : page) {
                generator.writeObject(message);
            }
            generator.flush();
            afterSeq = page.get(page.size() - 1).seq();
        }
    }
}
