package dev.agentsessions.chat;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Every bad input is refused and nothing stored, re-run against the packaged application
 * (the native executable under -Dnative).
 */
@QuarkusIntegrationTest
class BadInputIT extends BadInputTest {}
