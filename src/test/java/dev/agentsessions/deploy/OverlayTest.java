package dev.agentsessions.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each overlay adds: the database it runs on, and how many replicas. */
class OverlayTest {

    @Test
    void theBaseRendersWithAutoscalingFromTwoReplicas() {
        Manifests base = Manifests.of("k8s/base");
        JsonNode autoscaler = base.one("HorizontalPodAutoscaler", Manifests.APP).path("spec");
        assertEquals(Manifests.APP, autoscaler.path("scaleTargetRef").path("name").asText());
        assertTrue(autoscaler.path("minReplicas").asInt() >= 2);
        assertTrue(base.deployment().path("spec").path("replicas").isMissingNode(), "the autoscaler owns the count");
    }

    @Test
    void devRunsOneReplicaOnItsOwnPostgreSql() {
        Manifests dev = Manifests.of("k8s/overlays/dev");
        assertEquals(1, dev.deployment().path("spec").path("replicas").asInt());
        assertTrue(dev.all("HorizontalPodAutoscaler").isEmpty());

        URI database = jdbcUri(dev);
        JsonNode postgres = dev.one("StatefulSet", "agent-sessions-postgres").path("spec");
        assertEquals(1, postgres.path("replicas").asInt());
        JsonNode service = dev.one("Service", database.getHost()).path("spec");
        assertEquals(postgres.path("template").path("metadata").path("labels"), service.path("selector"));
        assertEquals(database.getPort(), service.path("ports").path(0).path("port").asInt());

        Map<String, JsonNode> postgresEnv = env(postgres.path("template").path("spec").path("containers").path(0));
        Map<String, JsonNode> appEnv = env(dev.container());
        assertEquals("/" + postgresEnv.get("POSTGRES_DB").path("value").asText(), database.getPath());
        assertEquals(appEnv.get("QUARKUS_DATASOURCE_USERNAME").path("valueFrom"),
                postgresEnv.get("POSTGRES_USER").path("valueFrom"), "the service logs in as the user PostgreSQL creates");
        assertEquals(appEnv.get("QUARKUS_DATASOURCE_PASSWORD").path("valueFrom"),
                postgresEnv.get("POSTGRES_PASSWORD").path("valueFrom"));
    }

    @Test
    void prodRunsOnAHighlyAvailableCloudNativePgCluster() {
        Manifests prod = Manifests.of("k8s/overlays/prod");
        JsonNode cluster = prod.all("Cluster").get(0);
        String name = cluster.path("metadata").path("name").asText();
        assertTrue(cluster.path("spec").path("instances").asInt() >= 3, "a primary and two standbys");

        URI database = jdbcUri(prod);
        assertEquals(name + "-rw", database.getHost(), "CloudNativePG's read-write service");
        assertEquals("/" + cluster.path("spec").path("bootstrap").path("initdb").path("database").asText(), database.getPath());
        Map<String, JsonNode> appEnv = env(prod.container());
        for (String variable : new String[] {"QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"}) {
            assertEquals(name + "-app", appEnv.get(variable).path("valueFrom").path("secretKeyRef").path("name").asText(),
                    variable + " comes from the Secret CloudNativePG makes for the owner");
        }

        int poolPerReplica = PodConfig.asThePodSeesIt(prod.containerEnvironment())
                .getValue("quarkus.datasource.jdbc.max-size", int.class);
        int replicas = prod.one("HorizontalPodAutoscaler", Manifests.APP).path("spec").path("maxReplicas").asInt();
        int maxConnections = cluster.path("spec").path("postgresql").path("parameters").path("max_connections").asInt();
        assertTrue(replicas * poolPerReplica < maxConnections,
                replicas + " replicas x " + poolPerReplica + " connections must fit in max_connections " + maxConnections);
    }

    private static URI jdbcUri(Manifests manifests) {
        String url = manifests.containerEnvironment().get("QUARKUS_DATASOURCE_JDBC_URL");
        assertTrue(url.startsWith("jdbc:postgresql://"), url);
        return URI.create(url.substring("jdbc:".length()));
    }

    private static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new HashMap<>();
        Manifests.elements(container.path("env")).forEach(v -> env.put(v.path("name").asText(), v));
        return env;
    }
}
