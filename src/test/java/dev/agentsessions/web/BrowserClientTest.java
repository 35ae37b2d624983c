package dev.agentsessions.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.agentsessions.support.Api;
import dev.agentsessions.support.Browsers;
import dev.agentsessions.support.Db;
import dev.agentsessions.support.ProbeBackend;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser client (/sdk/agent-sessions.js) in headless Chromium: on the service's own origin, and
 * imported by a page of another website, served here from a second origin.
 */
@QuarkusTest
class BrowserClientTest {

    /** A shop's page that embeds the chat: it imports the client from the service and says hello. */
    private static final String SHOP_PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Example shop</title></head>
            <body><h1>Example shop</h1><p id="chat">Connecting to the chat…</p>
            <script type="module">
              const params = new URLSearchParams(location.search);
              const { createClient } = await import(params.get("sdk"));
              const chat = createClient({ agentId: params.get("agent"), storageKey: "chat_" + params.get("agent") });
              const out = document.getElementById("chat");
              try {
                const answer = await chat.sendMessage("Hello from the shop");
                out.textContent = "Agent: " + answer.reply.content;
                out.dataset.outcome = "answered";
              } catch (error) {
                out.textContent = "The chat refused this website: " + error.message;
                out.dataset.outcome = "refused";
              }
            </script></body></html>
            """;

    private static HttpServer shop;
    // One browser for the class (each test uses agents and storage keys of its own): starting one costs seconds.
    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL service;

    @Inject
    Db db;

    @Inject
    ProbeBackend probe;

    @BeforeAll
    static void startShop() throws IOException {
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/shop.html", exchange -> {
            byte[] page = SHOP_PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        shop.start();
    }

    @AfterAll
    static void stopShopAndBrowser() {
        shop.stop(0);
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void healProbe() {
        probe.failing.set(false);
        probe.failuresToCome.set(0);
    }

    private static String shopOrigin() {
        return "http://127.0.0.1:" + shop.getAddress().getPort();
    }

    /** Opens the shop's page (in this test's browser) and returns how its chat fared: answered or refused. */
    private String openShopPage(String agent) {
        browser().get(shopOrigin() + "/shop.html?agent=" + agent
                + "&sdk=" + URLEncoder.encode(service + "sdk/agent-sessions.js", StandardCharsets.UTF_8));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("chat")).getDomAttribute("data-outcome") != null);
        return browser.findElement(By.id("chat")).getDomAttribute("data-outcome");
    }

    /** Runs `script` (an async function body with `sdk` and `args` in scope) on the service's own origin. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> run(String script, Object... args) {
        if (!browser().getCurrentUrl().startsWith(service.toString())) {
            browser.get(service + "sdk/agent-sessions.d.ts");
        }
        return (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const args = Array.from(arguments).slice(0, -1);
                import("/sdk/agent-sessions.js")
                  .then(async (sdk) => { %s })
                  .then(done, (e) => done({ error: String(e.message), status: e.status, retryAfter: e.retryAfter }));
                """.formatted(script), args);
    }

    private static ChromeDriver browser() {
        if (browser == null) {
            browser = Browsers.start();
        }
        return browser;
    }

    private static String storageKey() {
        return "test_" + UUID.randomUUID();
    }

    @Test
    void aWebsiteOnAnAllowedOriginChatsAndItsSessionEndsWhenThePageCloses() {
        String agent = Api.newAgent(Map.of("allowed_origins", List.of(shopOrigin())));
        assertEquals("answered", openShopPage(agent));
        assertTrue(browser.findElement(By.id("chat")).getText().startsWith("Agent: I'm the built-in demo agent"));
        assertEquals(List.of(List.of("127.0.0.1", "active", 2)),
                db.rows("SELECT website_domain, status, message_count FROM agent_sessions WHERE agent_id = ?", agent));

        browser.get("about:blank");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"ended".equals(db.single("SELECT status FROM agent_sessions WHERE agent_id = ?", agent))) {
            assertTrue(System.nanoTime() < deadline, "the page-close beacon did not end the session");
            Thread.onSpinWait();
        }

        // Back on the shop, the visitor's next message goes to a new session; the ended one is left alone.
        assertEquals("answered", openShopPage(agent));
        assertEquals(List.of(List.of("ended", 2), List.of("active", 2)), db.rows(
                "SELECT status, message_count FROM agent_sessions WHERE agent_id = ? ORDER BY started_at", agent));
    }

    @Test
    void aWebsiteOnAnyOtherOriginIsRefused() {
        String agent = Api.newAgent(Map.of("allowed_origins", List.of("https://shop.example.com")));
        assertEquals("refused", openShopPage(agent));
        Browsers.screenshot(browser, "disallowed-origin");
        assertEquals(0, db.sessionsOfAgent(agent));
    }

    @Test
    void aFailedSendIsRetriedOnceWithTheSameClientMessageId() {
        String agent = Api.newAgent(Map.of("backend", Map.of("type", ProbeBackend.TYPE)));
        int callsBefore = probe.calls.get();
        probe.failuresToCome.set(1);
        Map<String, Object> result = run("""
                const chat = sdk.createClient({ agentId: args[0], storageKey: args[1] });
                const answer = await chat.sendMessage("Hello");
                return { reply: answer.reply.content, session: answer.session_id, stored: chat.getSessionId() };
                """, agent, storageKey());
        assertEquals("probe saw 0 earlier messages", result.get("reply"));
        assertEquals(result.get("session"), result.get("stored"));
        assertEquals(callsBefore + 2, probe.calls.get());
        assertEquals(List.of(List.of("user", 1L), List.of("assistant", 1L)), db.rows("""
                SELECT m.role, count(*) FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                WHERE s.agent_id = ? GROUP BY m.role ORDER BY m.role DESC""", agent));
        assertEquals(1L, db.count("""
                SELECT count(DISTINCT client_message_id) FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                WHERE s.agent_id = ? AND m.role = 'user'""", agent));
    }

    @Test
    void aSendThatFailsTwiceIsReportedAndStoredOnce() {
        String agent = Api.newAgent(Map.of("backend", Map.of("type", ProbeBackend.TYPE)));
        probe.failing.set(true);
        Map<String, Object> result = run("""
                const chat = sdk.createClient({ agentId: args[0], storageKey: args[1] });
                await chat.sendMessage("Hello");
                return { error: "no error" };
                """, agent, storageKey());
        assertEquals(502L, result.get("status"));
        assertEquals(1, db.messagesOfAgent(agent));
    }

    @Test
    void aGoneSessionIsReplacedAndForgotten() {
        String agent = Api.newAgent();
        String key = storageKey();
        Map<String, Object> first = run("""
                const chat = sdk.createClient({ agentId: args[0], storageKey: args[1] });
                return { session: (await chat.sendMessage("My name is Erin")).session_id };
                """, agent, key);
        String ended = (String) first.get("session");
        given().post("/api/chat/{agent}/sessions/{s}/end", agent, ended).then().statusCode(200);

        Map<String, Object> second = run("""
                const chat = sdk.createClient({ agentId: args[0], storageKey: args[1] });
                const answer = await chat.sendMessage("What is my name?");
                return { newSession: answer.new_session, replaced: answer.replaced_session_id,
                         session: answer.session_id, stored: chat.getSessionId() };
                """, agent, key);
        assertEquals(true, second.get("newSession"));
        assertEquals(ended, second.get("replaced"));
        assertNotEquals(ended, second.get("session"));
        assertEquals(second.get("session"), second.get("stored"));

        given().delete("/api/chat/{agent}/sessions/{s}", agent, second.get("session")).then().statusCode(204);
        Map<String, Object> third = run("""
                const chat = sdk.createClient({ agentId: args[0], storageKey: args[1] });
                const history = await chat.loadHistory();
                return { history: history.length, stored: chat.getSessionId() };
                """, agent, key);
        assertEquals(0L, third.get("history"));
        assertNull(third.get("stored"));
    }

    @Test
    void historyIsLoadedPageByPage() {
        String agent = Api.newAgent();
        String key = storageKey();
        String session = (String) run("""
                const chat = sdk.createClient({ agentId: args[0], storageKey: args[1] });
                return { session: (await chat.sendMessage("message 1")).session_id };
                """, agent, key).get("session");
        // 118 more messages straight into the database: more than one page of the client's 100.
        db.execute("""
                WITH s AS (UPDATE agent_sessions SET message_count = 120 WHERE session_id = ? RETURNING id)
                INSERT INTO agent_messages (session_id, seq, role, content)
                SELECT s.id, g, CASE WHEN g % 2 = 1 THEN 'user' ELSE 'assistant' END, 'message ' || g
                FROM s, generate_series(3, 120) AS g""", session);
        Map<String, Object> result = run("""
                const chat = sdk.createClient({ agentId: args[0], storageKey: args[1] });
                const history = await chat.loadHistory();
                const newest = await chat.loadHistory({ maxMessages: 7 });
                return { count: history.length, seqs: history.map((m) => m.seq).join(","),
                         last: history[history.length - 1].role, capped: newest.length };
                """, agent, key);
        assertEquals(120L, result.get("count"));
        assertEquals(String.join(",", java.util.stream.IntStream.rangeClosed(1, 120).mapToObj(Integer::toString).toList()),
                result.get("seqs"));
        assertEquals("assistant", result.get("last"));
        assertEquals(7L, result.get("capped"));
    }

    @Test
    void aStreamedReplyAddsUpToTheStoredReply() {
        String agent = Api.newAgent();
        Map<String, Object> result = run("""
                const chat = sdk.createClient({ agentId: args[0], storageKey: args[1] });
                const pieces = [];
                const answer = await chat.stream("My name is Dora", (piece) => pieces.push(piece));
                return { streamed: pieces.join(""), reply: answer.reply.content, session: answer.session_id,
                         stored: chat.getSessionId() };
                """, agent, storageKey());
        assertEquals(result.get("reply"), result.get("streamed"));
        assertEquals(result.get("session"), result.get("stored"));
        assertEquals(result.get("reply"), db.single("""
                SELECT m.content FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                WHERE s.session_id = ? AND m.role = 'assistant'""", result.get("session")));
    }

    @Test
    void theEventStreamIsParsedAsEventSourceWould() {
        Map<String, Object> result = run("""
                const chunks = ["event: session\\r", "\\ndata: {\\"session_id\\":\\"abc\\"}\\r\\n\\r\\n",
                  ": a comment keeps the connection alive\\n\\n", "event: delta\\ndata: {\\"content\\":\\"Hel",
                  "lo\\"}\\n\\n", "data:line one\\ndata: line two\\n\\n", "id: 7\\nevent: done\\ndata: {}\\n", "\\n",
                  "event: delta\\ndata: cut off before its blank line"];
                const encoder = new TextEncoder();
                const body = new ReadableStream({ start(controller) {
                  for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
                  controller.close();
                } });
                const events = [];
                await sdk.readEventStream(body, (e) => events.push(e.event + "=" + e.data));
                return { events: events.join(" | ") };
                """);
        assertEquals("session={\"session_id\":\"abc\"} | delta={\"content\":\"Hello\"} | message=line one\nline two | done={}",
                result.get("events"));
    }

    @Test
    void aRateLimitedSendIsReportedWithRetryAfterAndNotRetried() {
        String agent = Api.newAgent();
        // Two requests: the session is started, then the first message.
        Api.admin().body(Map.of("ip_requests_per_minute", 2)).put("/api/admin/agents/{id}/rate-limits", agent)
                .then().statusCode(200);
        Map<String, Object> result = run("""
                const chat = sdk.createClient({ agentId: args[0], storageKey: args[1] });
                await chat.sendMessage("one");
                await chat.sendMessage("two");
                return { error: "no error" };
                """, agent, storageKey());
        assertEquals(429L, result.get("status"));
        assertTrue(((Number) result.get("retryAfter")).longValue() >= 1);
        assertEquals(2, db.messagesOfAgent(agent));
    }
}
