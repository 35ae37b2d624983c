package dev.agentsessions.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/** The API objects one kustomization would apply, rendered by `kubectl kustomize` as a user would. */
final class Manifests {

    static final List<String> OVERLAYS = List.of("k8s/overlays/dev", "k8s/overlays/prod");
    static final String APP = "agent-sessions";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private final List<JsonNode> objects;

    private Manifests(List<JsonNode> objects) {
        this.objects = objects;
    }

    static Manifests of(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization, Manifests::render);
    }

    /** Objects parsed from a YAML file of the repository (such as an example that is not rendered). */
    static Manifests fromFile(String path) {
        return new Manifests(parse(read(Path.of(path))));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return all(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst();
    }

    JsonNode one(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    JsonNode deployment() {
        return one("Deployment", APP);
    }

    JsonNode podSpec() {
        return deployment().path("spec").path("template").path("spec");
    }

    JsonNode container() {
        List<JsonNode> containers = elements(podSpec().path("containers"));
        assertEquals(1, containers.size(), "one container in the pod");
        assertEquals(APP, containers.get(0).path("name").asText());
        return containers.get(0);
    }

    /** The container's environment: every ConfigMap it takes whole, then its own entries (secrets as placeholders). */
    Map<String, String> containerEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode source : elements(container().path("envFrom"))) {
            assertTrue(source.has("configMapRef"), "envFrom takes only ConfigMaps: " + source);
            String name = source.path("configMapRef").path("name").asText();
            one("ConfigMap", name).path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode variable : elements(container().path("env"))) {
            String value = variable.has("value") ? variable.path("value").asText() : "from-" + variable.path("valueFrom");
            env.put(variable.path("name").asText(), value);
        }
        return env;
    }

    /** The number a container port reference (a name or a number) stands for. */
    int containerPort(JsonNode reference) {
        if (reference.isInt()) {
            return reference.asInt();
        }
        return elements(container().path("ports")).stream()
                .filter(p -> reference.asText().equals(p.path("name").asText()))
                .map(p -> p.path("containerPort").asInt())
                .findFirst().orElseThrow(() -> new AssertionError("no container port named " + reference));
    }

    static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static Manifests render(String kustomization) {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", kustomization).start();
            String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(kubectl.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize " + kustomization + " did not finish");
            assertEquals(0, kubectl.exitValue(), "kubectl kustomize " + kustomization + " failed: " + errors);
            return new Manifests(parse(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl is needed to render " + kustomization, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> parse(String yaml) {
        try {
            List<JsonNode> documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
            return documents.stream().filter(d -> d != null && d.has("kind")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
