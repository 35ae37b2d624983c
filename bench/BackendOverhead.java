import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the service adds around a backend call: a fake OpenAI-compatible model that answers after a fixed
 * delay, an agent pointed at it, N sequential chat turns over a few sessions, then the service's own
 * metrics: mean server time of the message endpoint versus mean backend time.
 * Usage: java bench/BackendOverhead.java SERVICE_URL MODEL_PORT TURNS MODEL_DELAY_MS
 */
public class BackendOverhead {

    public static void main(String[] args) throws Exception {
        String service = args[0];
        int modelPort = Integer.parseInt(args[1]);
        int turns = Integer.parseInt(args[2]);
        long modelDelay = Long.parseLong(args[3]);

        HttpServer model = HttpServer.create(new InetSocketAddress("127.0.0.1", modelPort), 0);
        ExecutorService modelThreads = Executors.newFixedThreadPool(4);
        model.setExecutor(modelThreads);
        model.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            sleep(modelDelay);
            byte[] body = ("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"}}],"
                    + "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":1,\"total_tokens\":21}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        model.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String agent = "bench_overhead";
            send(http, HttpRequest.newBuilder(URI.create(service + "/api/admin/agents/" + agent))
                    .header("Authorization", "Bearer bench-key").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"backend\":{\"type\":\"openai\","
                            + "\"base_url\":\"http://127.0.0.1:" + modelPort + "/v1\",\"model\":\"m\"}}")).build());
            List<Long> clientMicros = new ArrayList<>();
            String session = null;
            for (int i = 0; i < turns; i++) {
                if (i % 20 == 0) {
                    session = null;
                }
                String body = "{\"message\":\"turn " + i + "\"" + (session == null ? "" : ",\"session_id\":\"" + session + "\"") + "}";
                long started = System.nanoTime();
                String answer = send(http, HttpRequest.newBuilder(URI.create(service + "/api/chat/" + agent + "/message"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
                clientMicros.add((System.nanoTime() - started) / 1000);
                Matcher id = Pattern.compile("\"session_id\":\"([^\"]+)\"").matcher(answer);
                session = id.find() ? id.group(1) : null;
            }
            String metrics = send(http, HttpRequest.newBuilder(URI.create(service + "/q/metrics")).GET().build());
            double serverMs = mean(metrics, "http_server_requests_seconds", "uri=\"/api/chat/{agentId}/message\"") * 1000;
            double backendMs = mean(metrics, "agent_sessions_backend_latency_seconds", "agent=\"" + agent + "\"") * 1000;
            Collections.sort(clientMicros);
            System.out.printf("{\"turns\":%d,\"model_delay_ms\":%d,\"server_mean_ms\":%.2f,\"backend_mean_ms\":%.2f,"
                            + "\"added_mean_ms\":%.2f,\"client_p50_ms\":%.2f,\"client_p99_ms\":%.2f}%n",
                    turns, modelDelay, serverMs, backendMs, serverMs - backendMs,
                    clientMicros.get(turns / 2) / 1000.0, clientMicros.get((int) Math.min(turns - 1, Math.ceil(turns * 0.99) - 1)) / 1000.0);
        } finally {
            model.stop(0);
            modelThreads.shutdownNow();
        }
    }

    private static String send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** sum / count of a Prometheus summary or histogram, over the series whose labels contain the filter. */
    private static double mean(String metrics, String name, String labelFilter) {
        double sum = 0;
        double count = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "_sum{") && line.contains(labelFilter)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith(name + "_count{") && line.contains(labelFilter)) {
                count += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
