package dev.agentsessions.support;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of backend tests: a real HTTP peer (model server or webhook runtime) per test class, and the database. */
public abstract class WithHttpPeer {

    protected static HttpPeer peer;

    @Inject
    protected Db db;

    @BeforeAll
    static void startPeer() throws Exception {
        peer = new HttpPeer();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }
}
