package dev.agentsessions.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentsessions.web.Problem;
import io.quarkus.logging.Log;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a streamed turn as server-sent events: `session`, `delta`..., then `done` (the same JSON as the
 * non-streaming answer) or `error` (a problem document). A client that went away does not stop the turn:
 * the reply is stored, and a retry with the same client_message_id returns it.
 */
class SseTurnListener implements TurnListener {

    private final SseEventSink sink;
    private final Sse sse;
    private final ObjectMapper json;

    SseTurnListener(SseEventSink sink, Sse sse, ObjectMapper json) {
        this.sink = sink;
        this.sse = sse;
        this.json = json;
    }

    @Override
    public void session(String sessionId, boolean newSession, String replacedSessionId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session_id", sessionId);
        data.put("new_session", newSession);
        if (replacedSessionId != null) {
            data.put("replaced_session_id", replacedSessionId);
        }
        send("session", data);
    }

    @Override
    public void delta(String text) {
        if (!text.isEmpty()) {
            send("delta", Map.of("content", text));
        }
    }

    @Override
    public void done(ChatResponse response) {
        send("done", response);
    }

    @Override
    public void failed(Problem problem) {
        send("error", problem);
    }

    private void send(String event, Object data) {
        if (sink.isClosed()) {
            return;
        }
        try {
            sink.send(sse.newEventBuilder().name(event).mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(json.writeValueAsString(data)).build())
                    .toCompletableFuture().join();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            Log.debugf("Client left the stream: %s", e.getMessage());
        }
    }
}
