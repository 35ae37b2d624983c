package dev.agentsessions.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentsessions.agent.Agent;
import dev.agentsessions.agent.AgentNotFound;
import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.ratelimit.LimitKind;
import dev.agentsessions.ratelimit.RateLimited;
import dev.agentsessions.ratelimit.RateLimiter;
import dev.agentsessions.ratelimit.RateLimits;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The door of the website-facing API, in front of the REST layer: answers CORS preflights, adds CORS
 * headers to every answer (errors and streams included), and applies the per-address and per-session
 * rate limits. It runs on the I/O thread; only an agent this replica has not seen lately costs a
 * database read, on a worker thread.
 */
@ApplicationScoped
public class PublicApiGate {

    /** Routing-context key under which the gated request is left for the REST layer. */
    static final String GATED = PublicApiGate.class.getName();

    private static final String CHAT_PATH = "/api/chat/";

    private final WebsitePolicies policies;
    private final RateLimiter limiter;
    private final ObjectMapper json;
    private final Duration preflightMaxAge;
    private final WebsitePolicy unknownAgent;
    private final Duration databaseRetryAfter;

    public PublicApiGate(WebsitePolicies policies, RateLimiter limiter, ObjectMapper json, AgentSessionsConfig config) {
        this.policies = policies;
        this.limiter = limiter;
        this.json = json;
        this.preflightMaxAge = config.websites().preflightMaxAge();
        this.unknownAgent = new WebsitePolicy(false, List.of(), RateLimits.of(config.websites().rateLimits(), null));
        this.databaseRetryAfter = config.database().retryAfter();
    }

    void register(@Observes Router router) {
        router.route(CHAT_PATH + "*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
        // The browser client is loaded as a module by other websites' pages, which needs CORS.
        router.route("/sdk/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(ctx -> {
            ctx.response().putHeader("Access-Control-Allow-Origin", "*");
            ctx.next();
        });
    }

    private void handle(RoutingContext ctx) {
        PublicPath path = PublicPath.parse(ctx.normalizedPath());
        if (!path.agentId().matches(Agent.ID_PATTERN)) {
            gate(ctx, path, unknownAgent);
            return;
        }
        Optional<WebsitePolicy> cached = policies.cached(path.agentId());
        if (cached.isPresent()) {
            gate(ctx, path, cached.get());
            return;
        }
        ctx.vertx().executeBlocking(() -> policies.load(path.agentId()), false).onComplete(loaded -> {
            if (loaded.succeeded()) {
                gate(ctx, path, loaded.result());
            } else if (DatabaseUnavailable.causedBy(loaded.cause())) {
                // Answered here: the REST layer would wait for a connection again, doubling the client's wait.
                Log.warnf("Could not read the website policy of agent %s: database unavailable", path.agentId());
                answer(ctx, new DatabaseUnavailable(databaseRetryAfter));
            } else {
                // The REST layer reads the agent again and answers the failure as a problem document.
                Log.warnf(loaded.cause(), "Could not read the website policy of agent %s", path.agentId());
                ctx.next();
            }
        });
    }

    private void gate(RoutingContext ctx, PublicPath path, WebsitePolicy policy) {
        Optional<String> allowedOrigin = Cors.allowedOrigin(policy, ctx.request().getHeader("Origin"));
        if (isPreflight(ctx)) {
            answerPreflight(ctx, policy, allowedOrigin);
            return;
        }
        ctx.addHeadersEndHandler(ignored -> Cors.decorate(ctx.response().headers(), allowedOrigin));
        String agentId = policy.agentExists() ? path.agentId() : null;
        String address = RateLimiter.addressKey(ClientInfo.of(ctx.request()).ipAddress());
        Optional<RateLimited> refused = limiter.check(LimitKind.IP, agentId, address, policy.limits());
        if (refused.isEmpty() && path.sessionId() != null) {
            refused = limiter.check(LimitKind.SESSION, agentId, path.sessionId(), policy.limits());
        }
        if (refused.isPresent()) {
            answer(ctx, refused.get());
            return;
        }
        ctx.put(GATED, new GatedRequest(agentId, policy));
        ctx.next();
    }

    private static boolean isPreflight(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.OPTIONS
                && ctx.request().getHeader("Origin") != null
                && ctx.request().getHeader("Access-Control-Request-Method") != null;
    }

    private void answerPreflight(RoutingContext ctx, WebsitePolicy policy, Optional<String> allowedOrigin) {
        if (allowedOrigin.isPresent()) {
            Cors.decoratePreflight(ctx.response().headers(), allowedOrigin.get(), preflightMaxAge);
            ctx.response().setStatusCode(204).end();
            return;
        }
        ctx.response().headers().add("Vary", "Origin");
        ProblemException refusal = policy.agentExists() ? OriginGuard.refusal() : new AgentNotFound(null);
        answer(ctx, refusal);
    }

    private void answer(RoutingContext ctx, ProblemException refusal) {
        Problem problem = refusal.problem();
        if (refusal.retryAfterSeconds() != null) {
            ctx.response().putHeader("Retry-After", refusal.retryAfterSeconds().toString());
        }
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    /** What the gate learnt about a request that it let through. */
    record GatedRequest(String agentId, WebsitePolicy policy) {}

    /** `/api/chat/{agentId}/...`, with the session id where the path names one. */
    record PublicPath(String agentId, String sessionId) {

        static PublicPath parse(String path) {
            String[] segments = path.substring(CHAT_PATH.length()).split("/", -1);
            String sessionId = segments.length >= 3 && segments[1].equals("sessions") && !segments[2].isEmpty()
                    ? segments[2] : null;
            return new PublicPath(segments[0], sessionId);
        }
    }
}
