package dev.agentsessions.observability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Health probes, metrics and the OpenAPI document, re-run against the packaged application
 * (the native executable under -Dnative).
 */
@QuarkusIntegrationTest
class HealthAndMetricsIT extends HealthAndMetricsTest {}
