package dev.agentsessions.admin;

import dev.agentsessions.message.MessageRole;
import dev.agentsessions.message.NewMessage;
import dev.agentsessions.web.JsonObjectLimit;
import dev.agentsessions.web.MessageText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Body of `POST /api/admin/sessions/{sessionId}/messages`: messages stored in this order, all or none. */
public record AppendRequest(@NotEmpty List<@NotNull @Valid Item> messages) {

    public record Item(
            @NotNull @Pattern(regexp = "user|assistant|system|tool", message = "must be one of user, assistant, system, tool")
            String role,
            @MessageText String content,
            @Size(max = 2048) @Pattern(regexp = "https?://[^\\s\\x00]+", message = "must be an http or https URL")
            String audioUrl,
            @Min(0) Integer tokensUsed,
            @JsonObjectLimit(JsonObjectLimit.Kind.METADATA) Map<String, Object> metadata) {

        NewMessage toNewMessage() {
            return new NewMessage(MessageRole.valueOf(role.toUpperCase(Locale.ROOT)), content, audioUrl, tokensUsed,
                    null, null, metadata == null ? Map.of() : metadata);
        }
    }
}
