package dev.agentsessions.support;

import dev.agentsessions.agent.AgentBackend;
import dev.agentsessions.agent.AgentCall;
import dev.agentsessions.agent.AgentReply;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backend for tests (type `probe`): it records how many pooled database connections are in use while
 * it is being called, and can be told to fail (always, or for the next few calls).
 */
@Singleton
public class ProbeBackend implements AgentBackend {

    public static final String TYPE = "probe";

    public final AtomicLong activeConnectionsDuringCall = new AtomicLong(-1);
    public final AtomicBoolean failing = new AtomicBoolean();
    public final AtomicInteger failuresToCome = new AtomicInteger();
    public final AtomicInteger calls = new AtomicInteger();

    private final AgroalDataSource dataSource;

    public ProbeBackend(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AgentReply reply(AgentCall call) {
        calls.incrementAndGet();
        activeConnectionsDuringCall.set(dataSource.getMetrics().activeCount());
        if (failing.get() || failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("probe backend told to fail");
        }
        return new AgentReply("probe saw " + call.history().size() + " earlier messages", java.util.Map.of(), 7);
    }
}
