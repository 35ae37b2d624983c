package dev.agentsessions.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentsessions.config.AgentSessionsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * HTTP for backends: JSON POSTs with one deadline over the whole exchange, streamed bodies included,
 * and failures sorted into connection failures (retried), timeouts and other failures.
 */
@ApplicationScoped
public class BackendHttp {

    private static final int ERROR_BODY_CHARS = 200;

    private final HttpClient client;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "backend-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final ObjectMapper json;

    public BackendHttp(AgentSessionsConfig config, ObjectMapper json) {
        this.json = json;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.backends().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @PreDestroy
    void stop() {
        watchdog.shutdownNow();
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON", e);
        }
    }

    /** Parses a backend's JSON; anything else is the backend's failure. */
    public JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw BackendError.failed("the backend's answer is not JSON");
        }
    }

    public <T> T convert(JsonNode node, Class<T> type) {
        return json.convertValue(node, type);
    }

    /** POSTs JSON and returns the 2xx answer's body. */
    public String post(URI uri, Map<String, String> headers, String json, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> response = await(client.sendAsync(request(uri, headers, json, timeout),
                HttpResponse.BodyHandlers.ofString()), deadline);
        requireSuccess(response.statusCode(), response.body());
        return response.body();
    }

    /** POSTs JSON and hands each line of the 2xx answer to onLine as it arrives, within the deadline. */
    public void postStreaming(URI uri, Map<String, String> headers, String json, Duration timeout, Consumer<String> onLine) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<Stream<String>> response = await(client.sendAsync(request(uri, headers, json, timeout),
                HttpResponse.BodyHandlers.ofLines()), deadline);
        AtomicBoolean timedOut = new AtomicBoolean();
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() / 100 != 2) {
                requireSuccess(response.statusCode(), String.join("\n", lines.limit(5).toList()));
            }
            // A stalled stream blocks its reader; at the deadline the reader is interrupted and the stream closed.
            Thread reader = Thread.currentThread();
            ScheduledFuture<?> alarm = watchdog.schedule(() -> {
                timedOut.set(true);
                reader.interrupt();
                lines.close();
            }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            try {
                lines.forEach(onLine);
            } finally {
                alarm.cancel(false);
                if (timedOut.get()) {
                    Thread.interrupted();
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            if (timedOut.get()) {
                throw BackendError.timeout();
            }
            throw BackendError.failed("the backend's stream broke off", e);
        }
        if (timedOut.get()) {
            throw BackendError.timeout();
        }
    }

    private static HttpRequest request(URI uri, Map<String, String> headers, String json, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return request.build();
    }

    private static <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> exchange, long deadline) {
        try {
            return exchange.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw BackendError.timeout();
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw BackendError.failed("interrupted while waiting for the backend");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                throw new BackendError.ConnectionFailed(cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw BackendError.timeout();
            }
            if (cause instanceof IOException) {
                throw BackendError.failed("the backend connection failed", cause);
            }
            throw BackendError.failed("the backend call failed", cause);
        }
    }

    private static void requireSuccess(int status, String body) {
        if (status / 100 != 2) {
            String excerpt = body == null ? "" : body.substring(0, Math.min(ERROR_BODY_CHARS, body.length()));
            throw BackendError.failed("the backend answered HTTP " + status + ": " + excerpt);
        }
    }
}
