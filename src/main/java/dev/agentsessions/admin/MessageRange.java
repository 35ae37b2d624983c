package dev.agentsessions.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentsessions.message.MessageView;
import java.util.List;

/**
 * Messages of a session in seq order. Reading forward, pass next_after_seq as after_seq while has_more;
 * reading backward (before_seq alone), pass next_before_seq as before_seq while has_more.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageRange(
        String sessionId,
        List<MessageView> messages,
        boolean hasMore,
        Integer nextAfterSeq,
        Integer nextBeforeSeq) {}
