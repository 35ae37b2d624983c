package dev.agentsessions.agent;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The operator API: 401 without a key, agent CRUD and validation, re-run against the packaged application
 * (the native executable under -Dnative).
 */
@QuarkusIntegrationTest
class AgentResourceIT extends AgentResourceTest {}
