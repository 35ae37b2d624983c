package dev.agentsessions.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.message.MessageView;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An agent runtime of the operator's own (a LangGraph server, a Rasa bot, a company service): the turn is
 * POSTed to its url as `{agent_id, session_id, message, history, context, metadata}` and it answers
 * `{reply, context_patch?, tokens_used?}`. With a secret, the body is signed (HMAC-SHA256) so the runtime
 * can check that the call came from this service and is fresh.
 */
@ApplicationScoped
public class WebhookAgent implements AgentBackend {

    public static final String TYPE = "webhook";
    public static final String SIGNATURE_HEADER = "X-Agent-Sessions-Signature";

    private final BackendHttp http;
    private final Secrets secrets;
    private final AgentSessionsConfig config;

    public WebhookAgent(BackendHttp http, Secrets secrets, AgentSessionsConfig config) {
        this.http = http;
        this.secrets = secrets;
        this.config = config;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> settings(BackendRequest request) {
        secrets.requireReadable("backend.secret_env", request.secretEnv());
        return BackendSettings.validated(request, Set.of("url", "secret_env", "timeout_seconds"), Set.of("url"));
    }

    @Override
    public AgentReply reply(AgentCall call) {
        BackendSettings settings = BackendSettings.of(call.agent());
        String body = http.toJson(payload(call));
        Map<String, String> headers = settings.text("secret_env").flatMap(secrets::read)
                .map(secret -> Map.of(SIGNATURE_HEADER, signature(secret, body)))
                .orElse(Map.of());
        JsonNode answer = http.parse(http.post(URI.create(settings.required("url")), headers, body,
                settings.timeout(config.backends().timeout())));
        JsonNode reply = answer.path("reply");
        if (!reply.isTextual() || reply.asText().isBlank()) {
            throw BackendError.failed("the webhook's answer has no non-empty 'reply' text");
        }
        return new AgentReply(reply.asText(), contextPatch(answer.path("context_patch")), tokens(answer.path("tokens_used")));
    }

    private static Map<String, Object> payload(AgentCall call) {
        List<Map<String, Object>> history = call.history().stream().map(WebhookAgent::historyItem).toList();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agent_id", call.agent().agentId());
        payload.put("session_id", call.sessionId());
        payload.put("message", call.message());
        payload.put("history", history);
        payload.put("context", call.context());
        payload.put("metadata", call.metadata());
        return payload;
    }

    private static Map<String, Object> historyItem(MessageView message) {
        return Map.of("seq", message.seq(), "role", message.role(), "content", message.content(),
                "created_at", message.createdAt().toString());
    }

    /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, the scheme of Stripe-style webhooks. */
    static String signature(String secret, String body) {
        long timestamp = System.currentTimeMillis() / 1000;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> contextPatch(JsonNode patch) {
        if (patch.isMissingNode() || patch.isNull()) {
            return Map.of();
        }
        if (!patch.isObject()) {
            throw BackendError.failed("the webhook's context_patch is not a JSON object");
        }
        return http.convert(patch, Map.class);
    }

    private static Integer tokens(JsonNode tokens) {
        return Optional.of(tokens).filter(JsonNode::canConvertToInt).filter(JsonNode::isIntegralNumber)
                .map(JsonNode::asInt).filter(n -> n >= 0).orElse(null);
    }
}
