package dev.agentsessions.web;

import dev.agentsessions.chat.ChatRequest;
import dev.agentsessions.ratelimit.LimitKind;
import dev.agentsessions.ratelimit.RateLimiter;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * The per-session limit for a chat message, whose session id is in the body rather than the path: counted
 * as soon as the body is read, before anything is stored.
 */
@Provider
public class SessionInBodyLimit implements ReaderInterceptor {

    private final CurrentVertxRequest currentRequest;
    private final RateLimiter limiter;

    public SessionInBodyLimit(CurrentVertxRequest currentRequest, RateLimiter limiter) {
        this.currentRequest = currentRequest;
        this.limiter = limiter;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body instanceof ChatRequest message && message.sessionId() != null) {
            RoutingContext routing = currentRequest.getCurrent();
            PublicApiGate.GatedRequest gated = routing == null ? null : routing.get(PublicApiGate.GATED);
            if (gated != null) {
                limiter.check(LimitKind.SESSION, gated.agentId(), message.sessionId(), gated.policy().limits())
                        .ifPresent(refusal -> {
                            throw refusal;
                        });
            }
        }
        return body;
    }
}
