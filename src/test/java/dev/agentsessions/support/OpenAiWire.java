package dev.agentsessions.support;

import java.util.ArrayList;
import java.util.List;

/** Answers in the OpenAI Chat Completions wire format, for {@link HttpPeer}. */
public final class OpenAiWire {

    private OpenAiWire() {}

    public static HttpPeer.Answer completion(String content, int promptTokens, int completionTokens) {
        return HttpPeer.Answer.json("""
                {"id":"chatcmpl-1","object":"chat.completion","model":"test-model",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
                .formatted(quote(content), promptTokens, completionTokens, promptTokens + completionTokens));
    }

    public static HttpPeer.Answer stream(List<String> deltas, int promptTokens, int completionTokens) {
        List<String> chunks = new ArrayList<>();
        chunks.add("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\n\n");
        for (String delta : deltas) {
            chunks.add("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(delta) + "}}]}\n\n");
        }
        chunks.add("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        chunks.add("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d,\"total_tokens\":%d}}\n\n"
                .formatted(promptTokens, completionTokens, promptTokens + completionTokens));
        chunks.add("data: [DONE]\n\n");
        return HttpPeer.Answer.eventStream(chunks);
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
