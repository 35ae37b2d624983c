import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for bench/cleanup-bench.sh (run with `java bench/CleanupLoad.java ...`).
 *
 * <pre>
 * measure BASE_URL API_KEY AGENT SESSIONS_FILE CLIENTS TURNS_PER_SECOND WARMUP_SECONDS SECONDS
 *     chat turns back to back for WARMUP_SECONDS (not counted), then at TURNS_PER_SECOND: SECONDS with no
 *     cleanup, as long as POST /api/admin/cleanup runs, SECONDS with no cleanup again; prints one JSON line
 *     with the latencies without cleanup (both windows) and during it, and the cleanup's answer.
 * summarize RESULTS_FILE
 *     min/median/max over the JSON lines `measure` printed.
 * </pre>
 */
public class CleanupLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "measure" -> measure(args[1], args[2], args[3], Path.of(args[4]), Integer.parseInt(args[5]),
                    Double.parseDouble(args[6]), Integer.parseInt(args[7]), Integer.parseInt(args[8]));
            case "summarize" -> summarize(Path.of(args[1]));
            default -> throw new IllegalArgumentException("measure or summarize, not " + args[0]);
        }
    }

    private static void measure(String base, String key, String agent, Path sessionsFile, int clients, double rate,
            int warmup, int seconds) throws Exception {
        List<String> sessions = Files.readAllLines(sessionsFile).stream().filter(s -> !s.isBlank()).toList();
        Load load = new Load(base, agent, sessions, clients);

        load.run(Duration.ofSeconds(warmup), null, 0);
        Latencies before = load.run(Duration.ofSeconds(seconds), null, rate);

        HttpRequest cleanup = HttpRequest.newBuilder(URI.create(base + "/api/admin/cleanup"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        String[] answer = new String[1];
        Latencies during = load.run(null, () -> {
            HttpResponse<String> response = HTTP.send(cleanup, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("cleanup answered " + response.statusCode() + ": " + response.body());
            }
            answer[0] = response.body();
        }, rate);
        // Half the baseline before the cleanup and half after, so drift (JIT, neighbours) weighs on both sides.
        Latencies without = before.plus(load.run(Duration.ofSeconds(seconds), null, rate));

        Map<String, Object> line = new LinkedHashMap<>();
        line.put("clients", clients);
        line.put("turns_per_second", rate);
        without.describe("without_cleanup", line);
        during.describe("during_cleanup", line);
        line.put("p99_ratio", round(during.percentile(0.99) / without.percentile(0.99)));
        for (String field : new String[] {"marked_inactive", "deleted_sessions", "deleted_messages", "duration_ms"}) {
            line.put("cleanup_" + field, number(answer[0], field));
        }
        System.out.println(json(line));
    }

    /**
     * Chat clients sending turns to random live sessions. With a rate, turns are sent on a fixed schedule
     * and each latency counts from its scheduled send time, so a stall shows in full instead of just
     * delaying the next send; without one, every client sends back to back (the warm-up).
     */
    private record Load(String base, String agent, List<String> sessions, int clients) {

        /** Runs for {@code duration}, or for as long as {@code during} takes; returns the turns' latencies. */
        Latencies run(Duration duration, Task during, double turnsPerSecond) throws Exception {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger errors = new AtomicInteger();
            List<List<Long>> perClient = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            long interval = turnsPerSecond > 0 ? (long) (clients * 1e9 / turnsPerSecond) : 0;
            for (int c = 0; c < clients; c++) {
                List<Long> mine = new ArrayList<>();
                perClient.add(mine);
                long offset = interval * c / clients;
                pool.submit(() -> {
                    for (long k = 0; !stop.get(); k++) {
                        long scheduled = interval > 0 ? start + offset + k * interval : System.nanoTime();
                        long wait = scheduled - System.nanoTime();
                        if (wait > 0) {
                            try {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                        if (stop.get()) {
                            return;
                        }
                        if (turn()) {
                            mine.add(System.nanoTime() - scheduled);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                });
            }
            if (during != null) {
                Thread.sleep(500);
                during.run();
            } else {
                Thread.sleep(duration.toMillis());
            }
            long elapsed = System.nanoTime() - start;
            stop.set(true);
            pool.shutdown();
            if (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new IllegalStateException("chat clients did not stop");
            }
            List<Long> all = new ArrayList<>();
            perClient.forEach(all::addAll);
            Collections.sort(all);
            return new Latencies(all, errors.get(), elapsed);
        }

        private boolean turn() {
            String session = sessions.get(ThreadLocalRandom.current().nextInt(sessions.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/chat/" + agent + "/message"))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"message\":\"How is my order doing?\",\"session_id\":\"" + session + "\"}"))
                    .build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && response.body().contains("\"session_id\":\"" + session + "\"");
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }
    }

    private interface Task {
        void run() throws Exception;
    }

    /** Sorted turn latencies in nanoseconds. */
    private record Latencies(List<Long> nanos, int errors, long elapsedNanos) {

        Latencies plus(Latencies other) {
            List<Long> all = new ArrayList<>(nanos);
            all.addAll(other.nanos);
            Collections.sort(all);
            return new Latencies(all, errors + other.errors, elapsedNanos + other.elapsedNanos);
        }

        double percentile(double p) {
            if (nanos.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p * nanos.size()) - 1;
            return nanos.get(Math.max(0, index)) / 1e6;
        }

        void describe(String prefix, Map<String, Object> line) {
            line.put(prefix + "_turns", nanos.size());
            line.put(prefix + "_errors", errors);
            line.put(prefix + "_seconds", round(elapsedNanos / 1e9));
            line.put(prefix + "_p50_ms", round(percentile(0.50)));
            line.put(prefix + "_p99_ms", round(percentile(0.99)));
            line.put(prefix + "_max_ms", round(percentile(1.0)));
        }
    }

    private static void summarize(Path results) throws IOException {
        List<String> lines = Files.readAllLines(results).stream().filter(l -> l.startsWith("{\"repeat\":")).toList();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("repeats", lines.size());
        for (String field : new String[] {"cleanup_duration_ms", "cleanup_deleted_sessions", "cleanup_deleted_messages",
                "longest_batch_ms", "batches", "without_cleanup_p99_ms", "during_cleanup_p99_ms", "p99_ratio",
                "without_cleanup_p50_ms", "during_cleanup_p50_ms", "during_cleanup_turns", "during_cleanup_errors",
                "without_cleanup_errors", "load_average_1m"}) {
            List<Double> values = new ArrayList<>();
            for (String line : lines) {
                values.add(number(line, field));
            }
            Collections.sort(values);
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("min", round(values.get(0)));
            stats.put("median", round(values.get(values.size() / 2)));
            stats.put("max", round(values.get(values.size() - 1)));
            summary.put(field, stats);
        }
        System.out.println(json(summary));
    }

    private static double number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    @SuppressWarnings("unchecked")
    private static String json(Map<String, Object> map) {
        StringBuilder out = new StringBuilder("{");
        map.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(key).append("\":");
            out.append(value instanceof Map<?, ?> nested ? json((Map<String, Object>) nested) : value);
        });
        return out.append('}').toString();
    }
}
