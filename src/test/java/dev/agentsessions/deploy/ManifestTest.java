package dev.agentsessions.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every overlay, rendered with `kubectl kustomize`, runs the application the way it is built and
 * configured: probes and ports it really serves, configuration keys it really reads, the image the
 * Dockerfiles build, and a shutdown that lets in-flight chat turns finish.
 */
@QuarkusTest
class ManifestTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theImageIsTheOneDockerfileNativeBuildsAndTheReadmeNames(String overlay) {
        String image = Dockerfiles.image("Dockerfile.native");
        assertEquals(image, Manifests.of(overlay).container().path("image").asText());
        assertEquals(image + "-jvm", Dockerfiles.image("Dockerfile.jvm"), "the JVM image is the same name with -jvm");
        String readme = Manifests.read(Path.of("README.md"));
        assertTrue(readme.contains(Dockerfiles.buildCommand("Dockerfile.native")), "README shows the native build command");
        assertTrue(readme.contains(Dockerfiles.buildCommand("Dockerfile.jvm")), "README shows the JVM build command");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void probesAskHealthEndpointsTheApplicationServesOnItsHttpPort(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode container = manifests.container();
        int httpPort = PodConfig.asThePodSeesIt(manifests.containerEnvironment()).getValue("quarkus.http.port", int.class);
        assertEquals(httpPort, manifests.containerPort(container.path("ports").path(0).path("name")),
                "the container port is quarkus.http.port");

        Map<String, String> probes = Map.of("startupProbe", "/q/health/started",
                "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");
        probes.forEach((probe, path) -> {
            JsonNode httpGet = container.path(probe).path("httpGet");
            assertEquals(path, httpGet.path("path").asText(), probe);
            assertEquals(httpPort, manifests.containerPort(httpGet.path("port")), probe + " port");
            given().get(httpGet.path("path").asText()).then().statusCode(200).body("status", equalTo("UP"));
        });

        JsonNode service = manifests.one("Service", Manifests.APP);
        assertEquals(httpPort, manifests.containerPort(service.path("spec").path("ports").path(0).path("targetPort")));
        assertEquals(manifests.deployment().path("spec").path("selector").path("matchLabels"),
                service.path("spec").path("selector"), "the Service selects the pods");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyEnvironmentVariableSetsAKeyTheApplicationReads(String overlay) {
        Map<String, String> environment = Manifests.of(overlay).containerEnvironment();
        Set<String> known = PodConfig.knownKeys();
        assertTrue(known.contains("agent-sessions.sessions.retention"), "our own keys are known");
        assertTrue(known.contains("quarkus.datasource.jdbc.url"), "the Quarkus keys in use are known");
        assertFalse(environment.isEmpty());
        for (String variable : environment.keySet()) {
            assertTrue(PodConfig.keyOf(variable, known).isPresent(),
                    variable + " sets no configuration key the application reads");
        }
        PodConfig.asThePodSeesIt(environment);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everySecretTheContainerReadsIsMadeOrDocumented(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Manifests example = Manifests.fromFile("k8s/base/secret.example.yaml");
        for (JsonNode variable : Manifests.elements(manifests.container().path("env"))) {
            JsonNode reference = variable.path("valueFrom").path("secretKeyRef");
            if (reference.isMissingNode()) {
                continue;
            }
            String name = reference.path("name").asText();
            String key = reference.path("key").asText();
            boolean rendered = manifests.find("Secret", name).map(s -> s.path("data").has(key)).orElse(false);
            boolean madeByCloudNativePg = manifests.all("Cluster").stream()
                    .anyMatch(c -> name.equals(c.path("metadata").path("name").asText() + "-app")
                            && List.of("username", "password").contains(key));
            boolean documented = example.find("Secret", name).map(s -> s.path("stringData").has(key)).orElse(false);
            assertTrue(rendered || madeByCloudNativePg || documented, "nothing provides secret " + name + "/" + key);
            assertTrue(rendered || documented, name + "/" + key + " is in k8s/base/secret.example.yaml or generated");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void shutdownLetsInFlightTurnsFinishAfterReadinessGoesDown(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        SmallRyeConfig config = PodConfig.asThePodSeesIt(manifests.containerEnvironment());
        assertTrue(config.getValue("quarkus.shutdown.delay-enabled", boolean.class));
        Duration delay = PodConfig.duration(config, "quarkus.shutdown.delay");
        Duration timeout = PodConfig.duration(config, "quarkus.shutdown.timeout");
        assertTrue(delay.toSeconds() > 0 && timeout.compareTo(Duration.ofSeconds(30)) >= 0, delay + " " + timeout);

        long grace = manifests.podSpec().path("terminationGracePeriodSeconds").asLong();
        assertTrue(grace > delay.plus(timeout).toSeconds(),
                "terminationGracePeriodSeconds " + grace + " outlasts the delay " + delay + " and the timeout " + timeout);
        JsonNode readiness = manifests.container().path("readinessProbe");
        long noticedWithin = readiness.path("periodSeconds").asLong() * readiness.path("failureThreshold").asLong();
        assertTrue(noticedWithin <= delay.toSeconds(), "the kubelet sees readiness go down within the shutdown delay");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void runsAsTheDockerfilesNonRootUserOnAReadOnlyRootFilesystem(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode pod = manifests.podSpec().path("securityContext");
        assertTrue(pod.path("runAsNonRoot").asBoolean());
        assertEquals(Dockerfiles.user("Dockerfile.native"), pod.path("runAsUser").asText());

        JsonNode container = manifests.container();
        JsonNode security = container.path("securityContext");
        assertTrue(security.path("readOnlyRootFilesystem").asBoolean());
        assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true));
        assertEquals("ALL", security.path("capabilities").path("drop").path(0).asText());
        String tmpVolume = Manifests.elements(container.path("volumeMounts")).stream()
                .filter(m -> "/tmp".equals(m.path("mountPath").asText()))
                .map(m -> m.path("name").asText()).findFirst().orElseThrow(() -> new AssertionError("/tmp is not writable"));
        assertTrue(Manifests.elements(manifests.podSpec().path("volumes")).stream()
                .anyMatch(v -> tmpVolume.equals(v.path("name").asText()) && v.has("emptyDir")));

        for (String bound : List.of("requests", "limits")) {
            assertTrue(container.path("resources").path(bound).has("memory"), bound + ".memory");
            assertTrue(container.path("resources").path(bound).has("cpu"), bound + ".cpu");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void disruptionBudgetAndNetworkPolicyCoverThePods(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode podLabels = manifests.deployment().path("spec").path("template").path("metadata").path("labels");
        JsonNode budget = manifests.one("PodDisruptionBudget", Manifests.APP).path("spec");
        assertEquals(1, budget.path("maxUnavailable").asInt());
        assertEquals(podLabels, budget.path("selector").path("matchLabels"));

        JsonNode policy = manifests.one("NetworkPolicy", Manifests.APP).path("spec");
        assertEquals(podLabels, policy.path("podSelector").path("matchLabels"));
        int httpPort = manifests.containerPort(manifests.container().path("ports").path(0).path("name"));
        assertTrue(Manifests.elements(policy.path("ingress")).stream()
                .flatMap(rule -> Manifests.elements(rule.path("ports")).stream())
                .anyMatch(port -> manifests.containerPort(port.path("port")) == httpPort), "ingress to the HTTP port");
    }
}
