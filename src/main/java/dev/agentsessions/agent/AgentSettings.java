package dev.agentsessions.agent;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Validated, normalised values an operator sets on an agent. */
public record AgentSettings(
        String name,
        List<String> allowedOrigins,
        Map<String, Object> backend,
        int historyWindow,
        Integer historyTokenBudget,
        Duration idleTimeout,
        Duration retention,
        boolean acceptClientSessionIds) {}
