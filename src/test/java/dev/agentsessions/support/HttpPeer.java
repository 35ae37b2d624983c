package dev.agentsessions.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on a free loopback port that plays an agent backend in tests (an OpenAI-compatible
 * model server, a webhook runtime). It records every request and answers with whatever the test scripts.
 */
public final class HttpPeer implements AutoCloseable {

    /** One request as the peer received it. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** What to answer: a status, a content type and the body in chunks, each sent after its delay. */
    public record Answer(int status, String contentType, List<String> chunks, long delayBeforeEachChunkMillis, boolean stallAtEnd) {
        public static Answer json(String body) {
            return new Answer(200, "application/json", List.of(body), 0, false);
        }

        public static Answer status(int status, String body) {
            return new Answer(status, "application/json", List.of(body), 0, false);
        }

        public static Answer eventStream(List<String> chunks) {
            return new Answer(200, "text/event-stream", chunks, 0, false);
        }

        public Answer delayed(long millis) {
            return new Answer(status, contentType, chunks, millis, stallAtEnd);
        }

        /** Sends the chunks, then keeps the connection open without finishing the body. */
        public Answer stalling() {
            return new Answer(status, contentType, chunks, delayBeforeEachChunkMillis, true);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> script = request -> Answer.status(500, "{\"error\":\"no script\"}");

    public HttpPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void answer(Function<Received, Answer> next) {
        this.script = next;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last() {
        return received.get(received.size() - 1);
    }

    public void forget() {
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        received.add(request);
        Answer answer = script.apply(request);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String chunk : answer.chunks()) {
                pause(answer.delayBeforeEachChunkMillis());
                out.write(chunk.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            if (answer.stallAtEnd()) {
                pause(60_000);
            }
        } catch (IOException clientLeft) {
            // the service gave up on us (a timeout test): nothing to do
        }
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
