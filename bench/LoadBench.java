import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for bench/load-bench.sh (run with `java bench/LoadBench.java ...`); prints one JSON line.
 *
 * <pre>
 * visitors BASE_URLS CLIENTS SECONDS TURNS_PER_VISITOR
 *     CLIENTS concurrent website visitors for SECONDS: each client plays one visitor after another, each a
 *     conversation of TURNS_PER_VISITOR turns with the demo agent (the first message starts the session).
 *     BASE_URLS is a comma-separated list of replicas, used round-robin request by request.
 * sessions BASE_URL CLIENTS FIRST_SID COUNT
 *     one turn on each of the existing sessions FIRST_SID .. FIRST_SID + COUNT - 1, CLIENTS at a time.
 * table SUMMARY_FILE CLIENT_COUNTS LENGTHS
 *     the summary line of bench/load-bench.sh as a table: median (min-max) over the repeats.
 * </pre>
 */
public class LoadBench {

    private static final com.sun.management.OperatingSystemMXBean DRIVER_CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final Pattern SESSION_ID = Pattern.compile("\"session_id\":\"([^\"]+)\"");
    private static final Pattern REPLY = Pattern.compile("\"reply\":\\{");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "visitors" -> visitors(args[1].split(","), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            case "sessions" -> sessions(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]),
                    Integer.parseInt(args[4]));
            case "table" -> table(Files.readString(Path.of(args[1])), args[2].split(" "), args[3].split(" "));
            default -> throw new IllegalArgumentException("visitors, sessions or table, not " + args[0]);
        }
    }

    private static void visitors(String[] bases, int clients, int seconds, int turnsPerVisitor) throws Exception {
        AtomicLong request = new AtomicLong();
        AtomicInteger visitors = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Result result = run(clients, mine -> {
            int visitor = visitors.incrementAndGet();
            String sessionId = null;
            for (int turn = 1; turn <= turnsPerVisitor && System.nanoTime() < end; turn++) {
                String base = bases[(int) (request.getAndIncrement() % bases.length)];
                String message = turn == 1 ? "Hello, my name is Visitor" + visitor
                        : "Question " + turn + " from visitor " + visitor + ": where is my order?";
                String answer = mine.turn(base, message, sessionId);
                if (answer == null) {
                    break;
                }
                if (sessionId == null) {
                    Matcher id = SESSION_ID.matcher(answer);
                    id.find();
                    sessionId = id.group(1);
                }
            }
            return System.nanoTime() < end;
        });
        System.out.println(result.describe("visitors", clients, ",\"visitors\":" + visitors.get()));
    }

    private static void sessions(String base, int clients, long firstSid, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        Result result = run(clients, mine -> {
            int n = next.getAndIncrement();
            if (n >= count) {
                return false;
            }
            mine.turn(base, "One more question: can I still change the delivery address?", Long.toString(firstSid + n));
            return true;
        });
        System.out.println(result.describe("sessions", clients, ""));
    }

    /** One client's next piece of work (a visitor, a session), its turns counted in {@code mine}; false when done. */
    private interface Work {
        boolean next(Result mine);
    }

    private static Result run(int clients, Work work) throws Exception {
        Result total = new Result();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long cpuStart = DRIVER_CPU.getProcessCpuTime();
        List<Future<Result>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                Result mine = new Result();
                while (work.next(mine)) {
                    // the next visitor or session
                }
                mine.connections.values().forEach(Connection::close);
                return mine;
            }));
        }
        for (Future<Result> future : futures) {
            total.add(future.get());
        }
        total.seconds = (System.nanoTime() - start) / 1e9;
        total.cpuMillis = (DRIVER_CPU.getProcessCpuTime() - cpuStart) / 1e6;
        pool.shutdown();
        return total;
    }

    /** Latencies and errors of the turns a client, or a whole run, sent. */
    private static final class Result {
        final List<Long> latencies = new ArrayList<>();
        final Map<String, Connection> connections = new HashMap<>();
        int errors;
        double seconds;
        double cpuMillis;

        /** Sends one turn; the answer's body, or null after counting an error. */
        String turn(String base, String message, String sessionId) {
            String body = "{\"message\":\"" + message + "\""
                    + (sessionId == null ? "" : ",\"session_id\":\"" + sessionId + "\"") + "}";
            long sent = System.nanoTime();
            try {
                Connection connection = connections.computeIfAbsent(base, Connection::new);
                Connection.Answer answer = connection.post("/api/chat/demo/message", body);
                long took = System.nanoTime() - sent;
                if (answer.status() == 200 && REPLY.matcher(answer.body()).find()) {
                    latencies.add(took);
                    return answer.body();
                }
                error(answer.status() + " " + answer.body());
            } catch (Exception e) {
                connections.remove(base).close();
                error(e.toString());
            }
            return null;
        }

        private void error(String what) {
            if (errors++ < 3) {
                System.err.println("turn failed: " + what);
            }
        }

        void add(Result other) {
            latencies.addAll(other.latencies);
            errors += other.errors;
        }

        /** The run as one JSON line, with {@code extraFields} (",\"name\":value..." or empty) at its end. */
        String describe(String load, int clients, String extraFields) {
            latencies.sort(null);
            double mean = latencies.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
            return String.format(Locale.ROOT,
                    "{\"load\":\"%s\",\"clients\":%d,\"turns\":%d,\"errors\":%d,\"seconds\":%.2f,"
                            + "\"turns_per_second\":%.1f,\"mean_ms\":%.2f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,"
                            + "\"driver_cpu_ms\":%.0f%s}",
                    load, clients, latencies.size(), errors, seconds, latencies.size() / seconds, mean,
                    percentile(0.50), percentile(0.99), cpuMillis, extraFields);
        }

        private double percentile(double p) {
            if (latencies.isEmpty()) {
                return Double.NaN;
            }
            return latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(p * latencies.size()) - 1)) / 1e6;
        }
    }

    private static void table(String summary, String[] clientCounts, String[] lengths) {
        StringBuilder out = new StringBuilder();
        String row = "%-8s %-20s %-20s %-20s %-11s %-20s %-18s %-26s %-16s%n";
        out.append(String.format(row, "clients", "service turns/s", "p50 ms", "p99 ms", "stmts/turn", "pgbench turns/s",
                "service/pgbench", "CPU ms/turn service+driver", "postgres CPU ms/turn service|pgbench"));
        for (String c : clientCounts) {
            String p = "c" + c + "_";
            out.append(String.format(row, c, spread(summary, p + "turns_per_second"), spread(summary, p + "p50_ms"),
                    spread(summary, p + "p99_ms"), median(summary, p + "statements_per_turn"),
                    spread(summary, p + "pgbench_turns_per_second"), spread(summary, p + "service_to_pgbench"),
                    median(summary, p + "service_cpu_ms_per_turn") + " + " + median(summary, p + "driver_cpu_ms_per_turn"),
                    median(summary, p + "postgres_cpu_ms_per_turn") + " | " + median(summary, p + "pgbench_postgres_cpu_ms_per_turn")));
        }
        out.append(String.format("%n%-10s %-22s %-22s %-22s%n", "messages", "turn mean ms", "turn p99 ms", "pgbench turns/s"));
        for (String length : lengths) {
            out.append(String.format("%-10s %-22s %-22s %-22s%n", length, spread(summary, "len" + length + "_mean_ms"),
                    spread(summary, "len" + length + "_p99_ms"), spread(summary, "len" + length + "_pgbench_turns_per_second")));
        }
        out.append(String.format("%ncost of a turn at %s messages / at %s: service %s, pgbench %s%n", lengths[lengths.length - 1],
                lengths[0], spread(summary, "length_cost_ratio"), spread(summary, "length_pgbench_cost_ratio")));
        out.append(String.format("two replicas: %s turns/s, p99 %s ms, errors %s, totals match the answers in %s of the runs%n",
                spread(summary, "replicas_turns_per_second"), spread(summary, "replicas_p99_ms"),
                spread(summary, "replicas_errors"), spread(summary, "replicas_totals_match")));
        System.out.print(out);
    }

    private static String spread(String summary, String field) {
        double[] v = values(summary, field);
        return String.format(Locale.ROOT, "%s (%s-%s)", number(v[1]), number(v[0]), number(v[2]));
    }

    private static String median(String summary, String field) {
        return number(values(summary, field)[1]);
    }

    /** min, median, max of one field of bench/Summary.java's line. */
    private static double[] values(String summary, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\\{\"min\":([^,]+),\"median\":([^,]+),\"max\":([^,]+),")
                .matcher(summary);
        if (!m.find()) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * One kept-alive HTTP/1.1 connection. The JDK's HttpClient costs the driver about as much CPU as the
     * service spends on a turn; on a shared two-core machine that would be taken from the service.
     */
    private static final class Connection implements AutoCloseable {
        private final String host;
        private final int port;
        private Socket socket;
        private BufferedInputStream in;
        private OutputStream out;

        record Answer(int status, String body) {}

        Connection(String base) {
            URI uri = URI.create(base);
            this.host = uri.getHost();
            this.port = uri.getPort();
        }

        Answer post(String path, String json) throws IOException {
            if (socket == null) {
                socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                in = new BufferedInputStream(socket.getInputStream(), 65536);
                out = socket.getOutputStream();
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = line();
            int length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(header.indexOf(':') + 1).trim();
                if (name.equals("content-length")) {
                    length = Integer.parseInt(value);
                } else if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                }
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    answer.write(in.readNBytes(size));
                    line();
                }
                line();
            } else {
                answer.write(in.readNBytes(length));
            }
            return new Answer(Integer.parseInt(status.split(" ")[1]), answer.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                // already broken
            }
        }
    }
}
