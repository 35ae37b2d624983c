package dev.agentsessions.chat;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The chat turn tests: stored turns, isolation between visitors, ids and retries, re-run against the packaged application
 * (the native executable under -Dnative).
 */
@QuarkusIntegrationTest
class ChatTurnIT extends ChatTurnTest {}
