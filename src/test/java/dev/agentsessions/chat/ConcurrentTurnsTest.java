package dev.agentsessions.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentTurnsTest {

    private static final int CLIENTS = 8;
    private static final int TURNS_EACH = 5;

    @Inject
    Db db;

    @Test
    void concurrentTurnsOnOneSessionLoseNothingAndNumberEveryMessageOnce() throws Exception {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "start").getString("session_id");

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    for (int t = 0; t < TURNS_EACH; t++) {
                        Api.send(agent, session, "client " + client + " turn " + t);
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }

        int expected = 2 + 2 * CLIENTS * TURNS_EACH;
        List<Object> seqs = db.column("""
                SELECT m.seq FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                WHERE s.session_id = ? ORDER BY m.seq""", session);
        assertEquals(IntStream.rangeClosed(1, expected).boxed().toList(), seqs);
        assertEquals((long) expected, db.count("SELECT message_count FROM agent_sessions WHERE session_id = ?", session));
        assertEquals(0, db.count("""
                SELECT count(*) FROM agent_messages u JOIN agent_sessions s ON s.id = u.session_id
                WHERE s.session_id = ? AND u.role = 'user'
                  AND (SELECT count(*) FROM agent_messages r WHERE r.session_id = u.session_id AND r.reply_to_seq = u.seq) <> 1""",
                session), "every user message has exactly one stored reply");
    }
}
