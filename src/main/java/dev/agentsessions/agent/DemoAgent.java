package dev.agentsessions.agent;

import dev.agentsessions.config.AgentSessionsConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Creates the `demo` agent on the built-in backend at start-up, once, safely when replicas start together. */
@ApplicationScoped
public class DemoAgent {

    public static final String ID = "demo";

    private final AgentSessionsConfig config;
    private final EntityManager entityManager;

    public DemoAgent(AgentSessionsConfig config, EntityManager entityManager) {
        this.config = config;
        this.entityManager = entityManager;
    }

    @Transactional
    void createOnStart(@Observes StartupEvent event) {
        if (!config.demoAgent().enabled()) {
            return;
        }
        int created = entityManager.createNativeQuery("""
                        INSERT INTO agents (agent_id, name, backend, history_window)
                        VALUES (:id, 'Demo agent', CAST('{"type":"builtin"}' AS jsonb), :window)
                        ON CONFLICT (agent_id) DO NOTHING""")
                .setParameter("id", ID)
                .setParameter("window", config.chat().defaultHistoryWindow())
                .executeUpdate();
        if (created == 1) {
            Log.infof("Created the '%s' agent on the built-in backend", ID);
        }
    }
}
