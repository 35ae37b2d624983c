package dev.agentsessions.admin;

import dev.agentsessions.message.MessageView;
import java.util.List;

/** The messages as stored, with their seq, and the session's message count right after them. */
public record AppendResult(String sessionId, List<MessageView> messages, int messageCount) {}
