package dev.agentsessions.session;

import dev.agentsessions.message.MessageView;
import java.util.List;

/** One page of a session's history; pass next_after_seq as after_seq for the next page. */
public record MessagePage(String sessionId, List<MessageView> messages, int nextAfterSeq, boolean hasMore) {}
