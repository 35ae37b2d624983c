package dev.agentsessions.session;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Starting, restoring, ending and erasing sessions, re-run against the packaged application
 * (the native executable under -Dnative).
 */
@QuarkusIntegrationTest
class SessionEndpointsIT extends SessionEndpointsTest {}
