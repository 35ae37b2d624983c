package dev.agentsessions.agent;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Produces the agent's reply to one user message. Called outside any transaction and without a
 * database connection, so an implementation may take seconds.
 */
public interface AgentBackend {

    /** The value of the agent's `backend.type` this implementation serves. */
    String type();

    AgentReply reply(AgentCall call);

    /** Streams the reply's text as it is produced; backends that cannot stream send it as one delta. */
    default AgentReply stream(AgentCall call, Consumer<String> onDelta) {
        AgentReply reply = reply(call);
        onDelta.accept(reply.content());
        return reply;
    }

    /**
     * Whether a call goes over the network, bounded by the backend timeout and retried after connection
     * failures. An in-process backend (the built-in agent) answers at once, so a turn's lease need not
     * wait for any backend deadline.
     */
    default boolean remote() {
        return true;
    }

    /** The settings to store for an agent on this backend, validated; by default the type alone. */
    default Map<String, Object> settings(BackendRequest request) {
        return BackendSettings.validated(request, Set.of(), Set.of());
    }
}
