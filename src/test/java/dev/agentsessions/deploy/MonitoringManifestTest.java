package dev.agentsessions.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentsessions.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The production overlay's ServiceMonitor, alerts and dashboard against a running instance's metrics. */
@QuarkusTest
class MonitoringManifestTest {

    private final Manifests prod = Manifests.of("k8s/overlays/prod");

    @Test
    void dashboardAndAlertsQueryOnlyMetricsTheServiceExports() {
        Set<String> exported = exportedOnceEveryMeterExists();
        Map<String, String> queries = queries();
        assertTrue(queries.size() >= 10, "the dashboard and the alerts have queries: " + queries.keySet());
        queries.forEach((where, query) -> {
            Set<String> names = PromQl.metricNames(query);
            assertFalse(names.isEmpty(), where + " queries no metric: " + query);
            for (String name : names) {
                assertTrue(exported.contains(name), where + " queries " + name + ", which the service does not export");
            }
        });
    }

    @Test
    void everyAlertSaysHowLongHowBadAndWhat() {
        List<JsonNode> rules = alertRules();
        assertTrue(rules.size() >= 4, "error rate, latency and database alerts at least");
        for (JsonNode rule : rules) {
            String alert = rule.path("alert").asText();
            assertTrue(alert.startsWith("AgentSessions"), alert);
            assertTrue(rule.has("for"), alert + " has a `for`");
            assertTrue(List.of("warning", "critical").contains(rule.path("labels").path("severity").asText()), alert);
            assertFalse(rule.path("annotations").path("summary").asText().isBlank(), alert);
        }
    }

    @Test
    void theServiceMonitorScrapesTheMetricsEndpointThroughTheService() {
        JsonNode monitor = prod.one("ServiceMonitor", Manifests.APP).path("spec");
        JsonNode service = prod.one("Service", Manifests.APP);
        monitor.path("selector").path("matchLabels").fields().forEachRemaining(label ->
                assertEquals(label.getValue(), service.path("metadata").path("labels").path(label.getKey()), label.getKey()));
        JsonNode endpoint = monitor.path("endpoints").path(0);
        assertTrue(Manifests.elements(service.path("spec").path("ports")).stream()
                .anyMatch(port -> endpoint.path("port").asText().equals(port.path("name").asText())));
        given().get(endpoint.path("path").asText()).then().statusCode(200).body(containsString("# TYPE"));
    }

    @Test
    void theDashboardIsAGrafanaSidecarConfigMap() {
        JsonNode dashboard = dashboard();
        assertEquals("agent-sessions", dashboard.path("uid").asText());
        for (JsonNode panel : Manifests.elements(dashboard.path("panels"))) {
            if (!"row".equals(panel.path("type").asText())) {
                assertFalse(panel.path("targets").isEmpty(), panel.path("title").asText());
                assertEquals("${datasource}", panel.path("datasource").path("uid").asText());
            }
        }
    }

    /**
     * Some meters only appear once used (per-agent counters, the backend timer, the readiness gauge), so
     * this does what creates each of them first. A new meter that appears only on use gets its action here.
     */
    private static Set<String> exportedOnceEveryMeterExists() {
        String agent = Api.newAgent();
        Api.send(agent, null, "Hello");
        given().contentType(ContentType.JSON).body("{\"message\": \"\"}").post("/api/chat/{agent}/message", agent)
                .then().statusCode(422);
        given().get("/q/health/ready").then().statusCode(200);
        Api.admin().body("{}").post("/api/admin/cleanup").then().statusCode(200);
        return ExportedMetrics.scrape();
    }

    private Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode rule : alertRules()) {
            queries.put("alert " + rule.path("alert").asText(), rule.path("expr").asText());
        }
        for (JsonNode panel : Manifests.elements(dashboard().path("panels"))) {
            for (JsonNode target : Manifests.elements(panel.path("targets"))) {
                queries.put("panel '" + panel.path("title").asText() + "' " + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
        return queries;
    }

    private List<JsonNode> alertRules() {
        return prod.all("PrometheusRule").stream()
                .flatMap(rule -> Manifests.elements(rule.path("spec").path("groups")).stream())
                .flatMap(group -> Manifests.elements(group.path("rules")).stream())
                .toList();
    }

    private JsonNode dashboard() {
        JsonNode configMap = prod.all("ConfigMap").stream()
                .filter(c -> "1".equals(c.path("metadata").path("labels").path("grafana_dashboard").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap labelled grafana_dashboard"));
        try {
            return new ObjectMapper().readTree(configMap.path("data").elements().next().asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
