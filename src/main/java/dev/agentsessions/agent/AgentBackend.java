package dev.agentsessions.agent;

/**
 * Produces the agent's reply to one user message. Called outside any transaction and without a
 * database connection, so an implementation may take seconds.
 */
public interface AgentBackend {

    /** The value of the agent's `backend.type` this implementation serves. */
    String type();

    AgentReply reply(AgentCall call);
}
