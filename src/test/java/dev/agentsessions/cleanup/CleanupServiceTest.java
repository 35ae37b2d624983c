package dev.agentsessions.cleanup;

import static dev.agentsessions.cleanup.BackdatedSessions.insert;
import static dev.agentsessions.cleanup.BackdatedSessions.insertOne;
import static dev.agentsessions.cleanup.BackdatedSessions.statusOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cleanup job's method, called directly on back-dated rows. Each test first runs cleanup once so
 * leftovers of other test classes do not show up in its counts (tests run one at a time).
 */
@QuarkusTest
class CleanupServiceTest {

    private static final Duration DAY_AND_HOUR = Duration.ofHours(25);

    @Inject
    CleanupService cleanup;

    @Inject
    Db db;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clearLeftovers() {
        cleanup.run(Optional.empty());
    }

    @Test
    void anIdleSessionBecomesInactiveKeepsItsMessagesAndANewMessageReactivatesIt() {
        String agent = Api.newAgent();
        String idle = Api.send(agent, null, "Hello").getString("session_id");
        String busy = Api.send(agent, null, "Hello").getString("session_id");
        db.execute("UPDATE agent_sessions SET last_activity_at = now() - interval '31 minutes' WHERE session_id = ?", idle);

        CleanupReport report = cleanup.run(Optional.empty());

        assertEquals(new CleanupReport(1, 0, 0, report.durationMs()), report);
        assertEquals("inactive", statusOf(db, idle));
        assertEquals("active", statusOf(db, busy));
        assertEquals(4, db.messagesOfAgent(agent));

        assertEquals(idle, Api.send(agent, idle, "I am back").getString("session_id"));
        assertEquals("active", statusOf(db, idle));
    }

    @Test
    void expiredSessionsGoWithTheirMessagesAndEverythingElseStaysAsItWas() {
        String agent = Api.newAgent();
        String live = Api.send(agent, null, "Still chatting").getString("session_id");
        insert(db, agent, "inactive", DAY_AND_HOUR, 30, 3);
        insert(db, agent, "ended", DAY_AND_HOUR, 10, 3);
        insert(db, agent, "active", DAY_AND_HOUR, 5, 3);
        List<String> young = new ArrayList<>();
        young.addAll(insert(db, agent, "inactive", Duration.ofHours(23), 5, 3));
        young.addAll(insert(db, agent, "ended", Duration.ofHours(1), 5, 3));
        List<List<Object>> keptBefore = rowsOf(agent);

        CleanupReport report = cleanup.run(Optional.empty());

        assertEquals(new CleanupReport(5, 45, 135, report.durationMs()), report);
        assertEquals(11, db.sessionsOfAgent(agent));
        assertEquals(2 + 10 * 3, db.messagesOfAgent(agent));
        assertEquals(keptBefore.stream().filter(row -> row.get(0).equals(live) || young.contains(row.get(0))).toList(),
                rowsOf(agent));
        assertEquals(0, db.count("SELECT count(*) FROM agent_messages m WHERE NOT EXISTS "
                + "(SELECT 1 FROM agent_sessions s WHERE s.id = m.session_id)"));
    }

    @Test
    void threeCleanersStartedAtOnceDeleteEachSessionExactlyOnce() throws Exception {
        String agent = Api.newAgent();
        insert(db, agent, "inactive", DAY_AND_HOUR, 240, 4);
        insert(db, agent, "ended", DAY_AND_HOUR, 60, 4);
        List<String> live = insert(db, agent, "active", Duration.ofMinutes(5), 20, 4);

        CyclicBarrier start = new CyclicBarrier(3);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<Future<CleanupReport>> cleaners = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cleaners.add(threads.submit(() -> {
                start.await();
                return cleanup.run(Optional.empty());
            }));
        }
        long sessions = 0;
        long messages = 0;
        for (Future<CleanupReport> cleaner : cleaners) {
            CleanupReport report = cleaner.get();
            sessions += report.deletedSessions();
            messages += report.deletedMessages();
        }
        threads.shutdown();

        assertEquals(300, sessions, "every expired session deleted, none counted twice");
        assertEquals(1200, messages);
        assertEquals(20, db.sessionsOfAgent(agent));
        assertEquals(80, db.messagesOfAgent(agent));
        for (String session : live) {
            assertEquals("active", statusOf(db, session));
        }
    }

    @Test
    void aSessionLockedByAChatTurnIsSkippedNotWaitedForAndGoesNextTime() throws Exception {
        String agent = Api.newAgent();
        String locked = insertOne(db, agent, "inactive", DAY_AND_HOUR);
        String free = insertOne(db, agent, "inactive", DAY_AND_HOUR);

        try (Connection turn = dataSource.getConnection()) {
            turn.setAutoCommit(false);
            try (PreparedStatement lock = turn.prepareStatement(
                    "SELECT 1 FROM agent_sessions WHERE session_id = ? FOR UPDATE")) {
                lock.setString(1, locked);
                lock.execute();
            }
            CleanupReport whileLocked = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> cleanup.run(Optional.empty()));
            assertEquals(1, whileLocked.deletedSessions());
            assertNull(statusOf(db, free));
            assertEquals("inactive", statusOf(db, locked));
            turn.rollback();
        }

        assertEquals(1, cleanup.run(Optional.empty()).deletedSessions());
        assertNull(statusOf(db, locked));
    }

    @Test
    void perAgentIdleTimeoutAndRetentionOverrideTheDefaults() {
        String patient = Api.newAgent(Map.of("idle_timeout_seconds", 7200, "retention_seconds", 48 * 3600));
        String strict = Api.newAgent(Map.of("retention_seconds", 3600));
        String plain = Api.newAgent();
        String patientAwhile = insertOne(db, patient, "active", Duration.ofHours(1));
        String patientIdle = insertOne(db, patient, "active", Duration.ofHours(3));
        String patientDayOld = insertOne(db, patient, "inactive", DAY_AND_HOUR);
        String patientTwoDaysOld = insertOne(db, patient, "inactive", Duration.ofHours(49));
        String strictTwoHours = insertOne(db, strict, "inactive", Duration.ofHours(2));
        String strictJustEnded = insertOne(db, strict, "ended", Duration.ofMinutes(30));
        String plainTwoHours = insertOne(db, plain, "inactive", Duration.ofHours(2));
        String plainIdle = insertOne(db, plain, "active", Duration.ofHours(1));

        CleanupReport report = cleanup.run(Optional.empty());

        assertEquals(new CleanupReport(2, 2, 4, report.durationMs()), report);
        assertEquals("active", statusOf(db, patientAwhile));
        assertEquals("inactive", statusOf(db, patientIdle));
        assertEquals("inactive", statusOf(db, patientDayOld));
        assertNull(statusOf(db, patientTwoDaysOld));
        assertNull(statusOf(db, strictTwoHours));
        assertEquals("ended", statusOf(db, strictJustEnded));
        assertEquals("inactive", statusOf(db, plainTwoHours));
        assertEquals("inactive", statusOf(db, plainIdle));
    }

    @Test
    void aRetentionOverrideReplacesTheDefaultButNotAnAgentsOwnRetention() {
        cleanup.run(Optional.of(Duration.ofHours(1)));
        String plain = Api.newAgent();
        String keeper = Api.newAgent(Map.of("retention_seconds", 48 * 3600));
        String plainTwoHours = insertOne(db, plain, "ended", Duration.ofHours(2));
        String plainHalfHour = insertOne(db, plain, "ended", Duration.ofMinutes(30));
        String keeperTwoHours = insertOne(db, keeper, "ended", Duration.ofHours(2));

        CleanupReport report = cleanup.run(Optional.of(Duration.ofHours(1)));

        assertEquals(1, report.deletedSessions());
        assertNull(statusOf(db, plainTwoHours));
        assertEquals("ended", statusOf(db, plainHalfHour));
        assertEquals("ended", statusOf(db, keeperTwoHours));
    }

    private List<List<Object>> rowsOf(String agent) {
        return db.rows("SELECT session_id, status, message_count, last_activity_at, "
                + "(SELECT count(*) FROM agent_messages m WHERE m.session_id = s.id) "
                + "FROM agent_sessions s WHERE agent_id = ? ORDER BY session_id", agent);
    }
}
