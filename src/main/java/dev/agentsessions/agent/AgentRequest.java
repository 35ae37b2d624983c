package dev.agentsessions.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of `PUT /api/admin/agents/{agentId}`: the whole agent, replaced at once. */
public record AgentRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters")
        String name,
        @Size(max = 50) List<@NotBlank @Size(max = 300) String> allowedOrigins,
        @NotNull @Valid BackendRequest backend,
        @Min(1) @Max(1000) Integer historyWindow,
        @Min(1) @Max(10_000_000) Integer historyTokenBudget,
        @Min(60) Long idleTimeoutSeconds,
        @Min(60) Long retentionSeconds,
        Boolean acceptClientSessionIds) {
}
