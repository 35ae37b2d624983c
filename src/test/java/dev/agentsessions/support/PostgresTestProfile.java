package dev.agentsessions.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Declares the embedded PostgreSQL once for every @QuarkusTest (restrictToAnnotatedClass = false), so all
 * tests share one application start.
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class PostgresTestProfile {

    private PostgresTestProfile() {}
}
