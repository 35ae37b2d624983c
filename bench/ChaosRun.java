import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load, probes and verdict of bench/chaos-run.sh (run with `java bench/ChaosRun.java ...`).
 *
 * <pre>
 * load OUT_DIR MAX_SECONDS VISITORS TURNS_PER_CONVERSATION THINK_MS GIVE_UP_SECONDS URL...
 *     VISITORS threads, each running conversations of TURNS_PER_CONVERSATION turns with the demo agent the way
 *     the browser client does (start a session, then every message names it and carries a fresh
 *     client_message_id; a failed request is sent again unchanged, moving to the problem's session_id if it
 *     names another). Attempts go round-robin over the URLs (the replicas). Every message is tagged
 *     "[vVV-cC-tT]". Once the file OUT_DIR/stop exists (or after MAX_SECONDS) no new turn starts; turns under way finish or give up. Meanwhile a prober
 *     asks /q/health/live and /q/health/ready of every replica every 200 ms (2 s timeout). Writes OUT_DIR/answered.tsv,
 *     sessions.tsv, attempts.tsv, probes.tsv and client.json.
 * report OUT_DIR
 *     reads those files, OUT_DIR/events.tsv (what the script did when) and OUT_DIR/db-checks.tsv (the SQL
 *     checks' counts); prints one JSON line on stdout and a table on stderr; exits 1 if a check failed.
 * </pre>
 */
public class ChaosRun {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private static final Pattern SESSION_ID = Pattern.compile("\"session_id\":\"([A-Za-z0-9_-]+)\"");
    private static final Pattern REPLY = Pattern.compile(
            "\"reply\":\\{\"id\":\"([0-9a-f-]+)\",\"seq\":(\\d+),\"role\":\"assistant\",\"content\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern QUOTED_TAG = Pattern.compile("\\[(v\\d+-c\\d+)-t\\d+\\]");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]),
                    List.of(args).subList(7, args.length));
            case "report" -> System.exit(report(Path.of(args[1])));
            default -> throw new IllegalArgumentException("load or report, not " + args[0]);
        }
    }

    // ---------------------------------------------------------------- load

    /** One HTTP attempt: when, where, and what came back (status, or 0 with the kind of I/O failure). */
    record Attempt(long startMs, long endMs, int replica, String what, int status, String failure) {}

    record Answered(String sessionId, String owner, String clientMessageId, String tag, String replyId, int attempts,
            int replica, long answeredMs) {}

    static final class Recorder {
        final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Answered> answered = new ConcurrentLinkedQueue<>();
        final Map<String, String> sessionOwners = new ConcurrentHashMap<>();
        final AtomicInteger givenUp = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();
        final AtomicInteger retriedTurns = new AtomicInteger();
        final AtomicInteger sessionMoves = new AtomicInteger();
        final AtomicInteger foreignReplies = new AtomicInteger();
        final AtomicInteger contextMismatches = new AtomicInteger();
        final AtomicInteger abandonedConversations = new AtomicInteger();
        final AtomicLong maxTurnMs = new AtomicLong();
    }

    private static void load(Path out, int seconds, int visitors, int turnsPerConversation, int thinkMs, int giveUpSeconds,
            List<String> urls) throws Exception {
        Recorder recorder = new Recorder();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stopTurns = new AtomicBoolean();
        AtomicBoolean stopProbes = new AtomicBoolean();
        List<String[]> probes = java.util.Collections.synchronizedList(new ArrayList<>());

        Thread prober = new Thread(() -> probe(urls, probes, stopProbes), "prober");
        prober.start();
        ExecutorService pool = Executors.newFixedThreadPool(visitors);
        for (int v = 1; v <= visitors; v++) {
            Visitor visitor = new Visitor(v, urls, next, recorder, turnsPerConversation, thinkMs, giveUpSeconds);
            pool.submit(() -> visitor.run(stopTurns));
        }
        long until = System.currentTimeMillis() + seconds * 1000L;
        while (!Files.exists(out.resolve("stop")) && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        stopTurns.set(true);
        pool.shutdown();
        if (!pool.awaitTermination(giveUpSeconds + 30L, TimeUnit.SECONDS)) {
            throw new IllegalStateException("visitors did not stop");
        }
        stopProbes.set(true);
        prober.join();

        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("answered.tsv")))) {
            for (Answered a : recorder.answered) {
                w.printf("%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d%n", a.sessionId, a.owner, a.clientMessageId, a.tag, a.replyId,
                        a.attempts, a.replica, a.answeredMs);
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("sessions.tsv")))) {
            recorder.sessionOwners.forEach((session, owner) -> w.printf("%s\t%s%n", session, owner));
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("attempts.tsv")))) {
            for (Attempt a : recorder.attempts) {
                w.printf("%d\t%d\t%d\t%s\t%d\t%s%n", a.startMs, a.endMs, a.replica, a.what, a.status,
                        a.failure == null ? "-" : a.failure);
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("probes.tsv")))) {
            synchronized (probes) {
                probes.forEach(p -> w.println(String.join("\t", p)));
            }
        }
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("turns_answered", recorder.answered.size());
        client.put("turns_given_up", recorder.givenUp.get());
        client.put("retries", recorder.retries.get());
        client.put("retried_turns", recorder.retriedTurns.get());
        client.put("session_moves", recorder.sessionMoves.get());
        client.put("foreign_replies_seen", recorder.foreignReplies.get());
        client.put("context_mismatches_seen", recorder.contextMismatches.get());
        client.put("abandoned_conversations", recorder.abandonedConversations.get());
        client.put("longest_turn_ms", recorder.maxTurnMs.get());
        Files.writeString(out.resolve("client.json"), json(client) + "\n");
    }

    /** A website visitor: conversations one after another, each in a session of its own. */
    record Visitor(int number, List<String> urls, AtomicInteger next, Recorder recorder, int turns, int thinkMs,
            int giveUpSeconds) {

        void run(AtomicBoolean stop) {
            try {
                for (int conversation = 1; !stop.get(); conversation++) {
                    converse(conversation, stop);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        }

        private void converse(int conversation, AtomicBoolean stop) throws InterruptedException {
            String owner = String.format("v%02d-c%d", number, conversation);
            String name = "Vis" + letters(number) + "x" + letters(conversation);
            Optional<String> started = send("start", "/api/chat/demo/sessions", "{}", null);
            if (started.isEmpty()) {
                recorder.abandonedConversations.incrementAndGet();
                return;
            }
            String session = field(SESSION_ID, started.get());
            recorder.sessionOwners.put(session, owner);
            for (int turn = 1; turn <= turns && !stop.get(); turn++) {
                String tag = owner + "-t" + turn;
                String text = "[" + tag + "] " + (turn == 1 ? "My name is " + name : "Turn " + turn + " of my conversation");
                String clientMessageId = HexFormat.of().formatHex(randomBytes());
                long began = System.currentTimeMillis();
                Turn sent = new Turn(session, text, clientMessageId);
                Optional<String> answer = send("turn", "/api/chat/demo/message", null, sent);
                recorder.maxTurnMs.accumulateAndGet(System.currentTimeMillis() - began, Math::max);
                if (answer.isEmpty()) {
                    recorder.givenUp.incrementAndGet();
                    recorder.abandonedConversations.incrementAndGet();
                    return;
                }
                session = field(SESSION_ID, answer.get());
                recorder.sessionOwners.putIfAbsent(session, owner);
                Matcher reply = REPLY.matcher(answer.get());
                if (!reply.find()) {
                    throw new IllegalStateException("no reply in " + answer.get());
                }
                String content = reply.group(3);
                Matcher quoted = QUOTED_TAG.matcher(content);
                while (quoted.find()) {
                    if (!quoted.group(1).equals(owner)) {
                        recorder.foreignReplies.incrementAndGet();
                    }
                }
                boolean knowsName = turn == 1 ? content.contains("Nice to meet you, " + name) : content.startsWith(name + ", ");
                if (!knowsName) {
                    recorder.contextMismatches.incrementAndGet();
                }
                if (sent.attempts > 1) {
                    recorder.retriedTurns.incrementAndGet();
                }
                recorder.answered.add(new Answered(session, owner, clientMessageId, tag, reply.group(1), sent.attempts,
                        sent.lastReplica, System.currentTimeMillis()));
                Thread.sleep(thinkMs);
            }
        }

        /**
         * Sends one request until it is answered 2xx or the give-up deadline passes; a turn is sent again
         * unchanged (same client_message_id), in the problem's session if it names another one.
         */
        private Optional<String> send(String what, String path, String body, Turn turn) throws InterruptedException {
            long deadline = System.currentTimeMillis() + giveUpSeconds * 1000L;
            int failures = 0;
            while (true) {
                int replica = Math.floorMod(next.getAndIncrement(), urls.size());
                String payload = turn == null ? body : turn.body();
                HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get(replica) + path))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(payload))
                        .build();
                long start = System.currentTimeMillis();
                long waitMs;
                if (turn != null) {
                    turn.attempts++;
                    turn.lastReplica = replica;
                }
                try {
                    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    int status = response.statusCode();
                    recorder.attempts.add(new Attempt(start, System.currentTimeMillis(), replica, what, status, null));
                    if (status / 100 == 2) {
                        return Optional.of(response.body());
                    }
                    if (status != 409 && status != 429 && status < 500) {
                        throw new IllegalStateException(what + " answered " + status + ": " + response.body());
                    }
                    if (turn != null) {
                        Matcher problemSession = SESSION_ID.matcher(response.body());
                        if (problemSession.find() && !problemSession.group(1).equals(turn.session)) {
                            turn.session = problemSession.group(1);
                            recorder.sessionMoves.incrementAndGet();
                        }
                    }
                    long retryAfter = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(-1L);
                    waitMs = retryAfter >= 0 ? Math.max(100, retryAfter * 1000) : backoff(++failures);
                } catch (IOException e) {
                    String kind = e instanceof HttpTimeoutException ? "timeout"
                            : e instanceof ConnectException ? "refused" : "io";
                    recorder.attempts.add(new Attempt(start, System.currentTimeMillis(), replica, what, 0, kind));
                    // Another replica may answer at once: a connection failure is retried after a short pause.
                    waitMs = e instanceof ConnectException ? 50 : backoff(++failures);
                }
                if (System.currentTimeMillis() + waitMs > deadline) {
                    return Optional.empty();
                }
                recorder.retries.incrementAndGet();
                Thread.sleep(waitMs);
            }
        }

        private static long backoff(int failures) {
            return Math.min(1000, 100L << Math.min(failures - 1, 4));
        }
    }

    /** One chat turn's request body; the session may change when a problem names another one. */
    static final class Turn {
        String session;
        final String text;
        final String clientMessageId;
        int attempts;
        int lastReplica;

        Turn(String session, String text, String clientMessageId) {
            this.session = session;
            this.text = text;
            this.clientMessageId = clientMessageId;
        }

        String body() {
            return "{\"message\":\"" + text + "\",\"session_id\":\"" + session + "\",\"client_message_id\":\""
                    + clientMessageId + "\"}";
        }
    }

    /**
     * One thread per replica and endpoint, each asking every 200 ms: a readiness check that waits for a
     * database connection must not thin out the liveness probes.
     */
    private static void probe(List<String> urls, List<String[]> probes, AtomicBoolean stop) {
        List<Thread> probers = new ArrayList<>();
        for (int r = 0; r < urls.size(); r++) {
            for (String endpoint : new String[] {"live", "ready"}) {
                int replica = r;
                URI uri = URI.create(urls.get(replica) + "/q/health/" + endpoint);
                probers.add(start(() -> probeOne(uri, replica, endpoint, probes, stop)));
            }
        }
        for (Thread prober : probers) {
            try {
                prober.join();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Thread start(Runnable task) {
        Thread thread = new Thread(task, "prober");
        thread.start();
        return thread;
    }

    private static void probeOne(URI uri, int replica, String endpoint, List<String[]> probes, AtomicBoolean stop) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
        while (!stop.get()) {
            long start = System.currentTimeMillis();
            int status;
            String failure = "-";
            try {
                status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = 0;
                failure = e instanceof HttpTimeoutException ? "timeout" : e instanceof ConnectException ? "refused" : "io";
            } catch (InterruptedException e) {
                return;
            }
            probes.add(new String[] {String.valueOf(start), String.valueOf(replica), endpoint, String.valueOf(status),
                    String.valueOf(System.currentTimeMillis() - start), failure});
            long sleep = 200 - (System.currentTimeMillis() - start);
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------- report

    private static int report(Path dir) throws IOException {
        Map<String, Long> events = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("events.tsv"))) {
            String[] f = line.split("\t");
            events.put(f[0], Long.parseLong(f[1]));
        }
        Map<String, Long> db = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("db-checks.tsv"))) {
            String[] f = line.split("\t");
            db.put(f[0], Long.parseLong(f[1]));
        }
        List<String[]> probes = Files.readAllLines(dir.resolve("probes.tsv")).stream().map(l -> l.split("\t")).toList();
        List<String[]> attempts = Files.readAllLines(dir.resolve("attempts.tsv")).stream().map(l -> l.split("\t")).toList();
        String client = Files.readString(dir.resolve("client.json")).trim();

        long killed = events.get("kill_a");
        long restarted = events.get("a_ready");
        long pgDown = events.get("pg_down");
        long pgUp = events.get("pg_up");
        int replicas = (int) (long) events.get("replicas");

        Map<String, Object> line = new LinkedHashMap<>();
        line.put("benchmark", "chaos-run");
        line.put("pg_stop_mode", events.containsKey("pg_immediate") ? "immediate" : "fast");
        line.put("a_down_ms", restarted - killed);
        line.put("pg_down_ms", pgUp - pgDown);
        copyNumbers(client, line);
        db.forEach(line::put);
        line.put("status_500", attempts.stream().filter(a -> a[4].equals("500")).count());
        line.put("status_503", attempts.stream().filter(a -> a[4].equals("503")).count());
        line.put("status_409", attempts.stream().filter(a -> a[4].equals("409")).count());
        line.put("status_other_errors", attempts.stream()
                .filter(a -> !a[4].equals("0") && !a[4].startsWith("2") && !List.of("500", "503", "409").contains(a[4])).count());
        line.put("connection_failures", attempts.stream().filter(a -> a[4].equals("0")).count());

        // Liveness: of a running replica, never failed while PostgreSQL was down (nor at any other time it ran).
        long liveDuringPg = probes.stream().filter(p -> p[2].equals("live") && inside(p, pgDown, pgUp) && !p[3].equals("200")).count();
        long liveOutsideOutage = probes.stream().filter(p -> p[2].equals("live") && !p[3].equals("200"))
                .filter(p -> !(p[1].equals("0") && Long.parseLong(p[0]) >= killed - 1000 && Long.parseLong(p[0]) <= restarted))
                .count();
        line.put("liveness_probes_pg_down", probes.stream().filter(p -> p[2].equals("live") && inside(p, pgDown, pgUp)).count());
        line.put("liveness_failures_pg_down", liveDuringPg);
        line.put("liveness_failures_any_time", liveOutsideOutage);
        boolean readinessFailedEverywhere = true;
        for (int r = 0; r < replicas; r++) {
            String name = replicaName(r);
            int replica = r;
            long readyDown = probes.stream().filter(p -> p[1].equals(String.valueOf(replica)) && p[2].equals("ready")
                    && inside(p, pgDown, pgUp) && !p[3].equals("200")).count();
            line.put("readiness_failures_pg_down_" + name, readyDown);
            readinessFailedEverywhere &= readyDown > 0;
            long firstReady = probes.stream().filter(p -> p[1].equals(String.valueOf(replica)) && p[2].equals("ready")
                    && Long.parseLong(p[0]) >= pgUp && p[3].equals("200")).mapToLong(p -> Long.parseLong(p[0])).min().orElse(-1);
            line.put("ready_again_ms_" + name, firstReady < 0 ? -1 : firstReady - pgUp);
            List<String[]> after = attempts.stream()
                    .filter(a -> a[2].equals(String.valueOf(replica)) && a[3].equals("turn") && Long.parseLong(a[0]) >= pgUp)
                    .toList();
            long served = after.stream().filter(a -> a[4].equals("200")).count();
            long firstServed = after.stream().filter(a -> a[4].equals("200")).mapToLong(a -> Long.parseLong(a[1])).min().orElse(-1);
            long lastFailed = after.stream().filter(a -> !a[4].equals("200")).mapToLong(a -> Long.parseLong(a[1])).max().orElse(pgUp);
            line.put("turns_after_pg_up_" + name, served);
            line.put("failed_attempts_after_pg_up_" + name, after.size() - served);
            line.put("first_turn_after_pg_up_ms_" + name, firstServed < 0 ? -1 : firstServed - pgUp);
            line.put("last_failure_after_pg_up_ms_" + name, lastFailed - pgUp);
        }
        long failedDuringPg = attempts.stream().filter(a -> a[3].equals("turn") && Long.parseLong(a[0]) >= pgDown
                && Long.parseLong(a[0]) <= pgUp && !a[4].equals("200")).count();
        line.put("failed_attempts_pg_down", failedDuringPg);
        line.put("same_pids_after_pg_restart", events.get("same_pids"));

        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("every answered turn stored once with its reply", db.get("answered_missing_user") == 0
                && db.get("answered_missing_reply") == 0 && db.get("answered_reply_mismatch") == 0);
        checks.put("no duplicate user message or reply", db.get("duplicate_user_messages") == 0
                && db.get("duplicate_replies") == 0 && db.get("retried_turn_duplicates") == 0);
        checks.put("no foreign message in any session", db.get("foreign_messages") == 0 && db.get("unknown_sessions") == 0
                && number(client, "foreign_replies_seen") == 0 && number(client, "context_mismatches_seen") == 0);
        checks.put("seq gap-free 1..message_count", db.get("sessions_with_seq_gaps") == 0);
        checks.put("no turn given up", number(client, "turns_given_up") == 0);
        checks.put("no 500 answer", (long) line.get("status_500") == 0);
        // What the issue asks. Liveness failures at other times (outside A's own outage) are reported, not
        // judged: on this shared 2-core machine a probe can time out when the client itself is starved.
        checks.put("liveness never failed while PostgreSQL was down", liveDuringPg == 0);
        checks.put("readiness failed while PostgreSQL was down", readinessFailedEverywhere);
        boolean servedAgain = true;
        for (int r = 0; r < replicas; r++) {
            servedAgain &= (long) line.get("turns_after_pg_up_" + replicaName(r)) > 0;
        }
        checks.put("every replica served turns after PostgreSQL returned", servedAgain);
        checks.put("no replica restarted with PostgreSQL", events.get("same_pids") == 1);
        long failed = checks.values().stream().filter(ok -> !ok).count();
        line.put("checks_failed", failed);
        System.out.println(json(line));

        StringBuilder table = new StringBuilder("\ncheck                                                  result\n");
        checks.forEach((name, ok) -> table.append(String.format("%-54s %s%n", name, ok ? "ok" : "FAILED")));
        table.append(String.format("%nturns answered %s, retries %s, given up %s; A down %d ms, PostgreSQL down %d ms%n",
                line.get("turns_answered"), line.get("retries"), line.get("turns_given_up"), restarted - killed, pgUp - pgDown));
        System.err.print(table);
        return failed == 0 ? 0 : 1;
    }

    private static String replicaName(int replica) {
        return String.valueOf((char) ('a' + replica));
    }

    private static boolean inside(String[] probe, long from, long to) {
        long t = Long.parseLong(probe[0]);
        return t >= from && t <= to;
    }

    private static void copyNumbers(String json, Map<String, Object> into) {
        Matcher m = Pattern.compile("\"([a-z_0-9]+)\":(-?[0-9]+)").matcher(json);
        while (m.find()) {
            into.put(m.group(1), Long.parseLong(m.group(2)));
        }
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    // ---------------------------------------------------------------- helpers

    private static String field(Pattern pattern, String json) {
        Matcher m = pattern.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + json);
        }
        return m.group(1);
    }

    /** 7 -> "h": digits as letters, since the built-in agent only remembers names made of letters. */
    private static String letters(int number) {
        StringBuilder out = new StringBuilder();
        for (char digit : String.valueOf(number).toCharArray()) {
            out.append((char) ('a' + digit - '0'));
        }
        return out.toString();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String json(Map<String, Object> map) {
        StringBuilder out = new StringBuilder("{");
        map.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(key).append("\":");
            out.append(value instanceof Number || value instanceof Boolean ? value : "\"" + value + "\"");
        });
        return out.append('}').toString();
    }
}
