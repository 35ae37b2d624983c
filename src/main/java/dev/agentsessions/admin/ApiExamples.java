package dev.agentsessions.admin;

/** Example payloads for the OpenAPI document of the operator's session API. */
final class ApiExamples {

    static final String SESSION = """
            {"session_id": "q3Jx9kV2mT8wYb1nR5cZ0aLp7sHd4FgE", "agent_id": "support-bot", "status": "active",
             "user_id": "customer-42", "website_domain": "shop.example.com", "ip_address": "203.0.113.7",
             "user_agent": "Mozilla/5.0 (X11; Linux x86_64)", "message_count": 4, "tokens_used": 312,
             "context": {"name": "Alice", "plan": "pro"},
             "started_at": "2025-01-31T17:02:11.482Z", "last_activity_at": "2025-01-31T17:05:40.117Z", "ended_at": null}""";

    static final String PAGE = """
            {"sessions": [{"session_id": "q3Jx9kV2mT8wYb1nR5cZ0aLp7sHd4FgE", "agent_id": "support-bot", "status": "active",
              "user_id": "customer-42", "website_domain": "shop.example.com", "ip_address": "203.0.113.7",
              "user_agent": "Mozilla/5.0 (X11; Linux x86_64)", "message_count": 4, "tokens_used": 312,
              "started_at": "2025-01-31T17:02:11.482Z", "last_activity_at": "2025-01-31T17:05:40.117Z", "ended_at": null}],
             "next_cursor": "MTczODM0MzE0MDExNzAwMDoxYjk0YjU0Zi0zZTdhLTQ1MmMtOWE1Ni1hNjBmMWQ3ZTg4YjI", "has_more": true}""";

    static final String DELETED = """
            {"deleted": 1250}""";

    static final String CONTEXT = """
            {"name": "Alice", "plan": "pro", "cart": {"items": 2}}""";

    static final String CONTEXT_PATCH = """
            {"plan": null, "cart": {"items": 3}, "tags": ["vip"]}""";

    static final String MESSAGES = """
            {"session_id": "q3Jx9kV2mT8wYb1nR5cZ0aLp7sHd4FgE", "has_more": true, "next_after_seq": 2,
             "messages": [
              {"id": "6f1c2f4e-8a47-4f7e-9a8e-2b1a4c9d0e11", "seq": 1, "role": "user", "content": "My name is Alice",
               "metadata": {}, "created_at": "2025-01-31T17:02:11.530Z"},
              {"id": "0b7d3a52-5c1e-4d2b-8f3a-7e6d5c4b3a21", "seq": 2, "role": "assistant", "content": "Nice to meet you, Alice.",
               "tokens_used": 18, "reply_to_seq": 1, "metadata": {}, "created_at": "2025-01-31T17:02:12.004Z"}]}""";

    static final String APPEND = """
            {"messages": [
              {"role": "user", "content": "Where is my order?", "metadata": {"channel": "voice"},
               "audio_url": "https://cdn.example.com/audio/123.ogg"},
              {"role": "tool", "content": "{\\"order\\": 991, \\"state\\": \\"shipped\\"}"},
              {"role": "assistant", "content": "It shipped this morning.", "tokens_used": 42}]}""";

    static final String APPENDED = """
            {"session_id": "q3Jx9kV2mT8wYb1nR5cZ0aLp7sHd4FgE", "message_count": 7,
             "messages": [
              {"id": "a1b2c3d4-0000-4000-8000-000000000005", "seq": 5, "role": "user", "content": "Where is my order?",
               "audio_url": "https://cdn.example.com/audio/123.ogg", "metadata": {"channel": "voice"}, "created_at": "2025-01-31T17:06:00.100Z"},
              {"id": "a1b2c3d4-0000-4000-8000-000000000006", "seq": 6, "role": "tool", "content": "{\\"order\\": 991, \\"state\\": \\"shipped\\"}",
               "metadata": {}, "created_at": "2025-01-31T17:06:00.100Z"},
              {"id": "a1b2c3d4-0000-4000-8000-000000000007", "seq": 7, "role": "assistant", "content": "It shipped this morning.",
               "tokens_used": 42, "metadata": {}, "created_at": "2025-01-31T17:06:00.100Z"}]}""";

    static final String EXPORT = """
            {"exported_at": "2025-02-01T09:00:00Z",
             "session": {"session_id": "q3Jx9kV2mT8wYb1nR5cZ0aLp7sHd4FgE", "agent_id": "support-bot", "status": "ended",
              "user_id": "customer-42", "website_domain": "shop.example.com", "ip_address": "203.0.113.7",
              "user_agent": "Mozilla/5.0 (X11; Linux x86_64)", "message_count": 2, "tokens_used": 18,
              "context": {"name": "Alice"}, "started_at": "2025-01-31T17:02:11.482Z",
              "last_activity_at": "2025-01-31T17:02:12.004Z", "ended_at": "2025-01-31T17:10:00.000Z"},
             "messages": [
              {"id": "6f1c2f4e-8a47-4f7e-9a8e-2b1a4c9d0e11", "seq": 1, "role": "user", "content": "My name is Alice",
               "metadata": {}, "created_at": "2025-01-31T17:02:11.530Z"},
              {"id": "0b7d3a52-5c1e-4d2b-8f3a-7e6d5c4b3a21", "seq": 2, "role": "assistant", "content": "Nice to meet you, Alice.",
               "tokens_used": 18, "reply_to_seq": 1, "metadata": {}, "created_at": "2025-01-31T17:02:12.004Z"}]}""";

    static final String UNAUTHORIZED = """
            {"type": "urn:agent-sessions:problem:unauthorized", "title": "Unauthorized", "status": 401,
             "detail": "The operator API needs a valid API key in 'Authorization: Bearer <key>'"}""";

    static final String NOT_FOUND = """
            {"type": "urn:agent-sessions:problem:session-not-found", "title": "Session not found", "status": 404,
             "detail": "There is no such session for this agent", "field": "session_id"}""";

    static final String INVALID_FILTER = """
            {"type": "urn:agent-sessions:problem:invalid-input", "title": "Invalid input", "status": 422,
             "detail": "must be one of active, inactive, ended", "field": "status"}""";

    static final String INVALID_CONTEXT = """
            {"type": "urn:agent-sessions:problem:invalid-input", "title": "Invalid input", "status": 422,
             "detail": "The patched context would be 17210 bytes of JSON; at most 16384 are allowed, so nothing was changed",
             "field": "context"}""";

    static final String INVALID_MESSAGE = """
            {"type": "urn:agent-sessions:problem:invalid-input", "title": "Invalid input", "status": 422,
             "detail": "messages[1].role: must be one of user, assistant, system, tool", "field": "messages[1].role",
             "errors": [{"field": "messages[1].role", "detail": "must be one of user, assistant, system, tool"}]}""";

    static final String ENDED = """
            {"type": "urn:agent-sessions:problem:session-ended", "title": "Session ended", "status": 409,
             "detail": "This session has ended and takes no more messages", "field": "session_id"}""";

    private ApiExamples() {}
}
