package dev.agentsessions.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One page of the session list, newest activity first; pass next_cursor as cursor while has_more. */
public record SessionPage(
        List<OperatorSessionView> sessions,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor,
        boolean hasMore) {}
