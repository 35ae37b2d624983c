package dev.agentsessions.deploy;

import dev.agentsessions.config.AgentSessionsConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;

/** The configuration as a pod sees it, and the keys the application reads. */
final class PodConfig {

    private PodConfig() {}

    /**
     * What the packaged application resolves in a pod: application.properties under the prod profile,
     * overridden by the container's environment, with our own mapping validated (so a value the
     * application could not convert fails here, not at start-up in a cluster).
     */
    static SmallRyeConfig asThePodSeesIt(Map<String, String> environment) {
        try {
            return new SmallRyeConfigBuilder()
                    .withProfile("prod")
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withSources(new PropertiesConfigSource(
                            Path.of("src/main/resources/application.properties").toUri().toURL(), 250))
                    .withSources(new EnvConfigSource(environment, 300))
                    .withMapping(AgentSessionsConfig.class)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Duration duration(SmallRyeConfig config, String key) {
        return DurationConverter.parseDuration(config.getValue(key, String.class));
    }

    /**
     * Keys the application reads: every key of AgentSessionsConfig, and every Quarkus key the running
     * test instance knows (those with a default, those set in application.properties or by the tests).
     */
    static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>(
                ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(AgentSessionsConfig.class)).keySet());
        for (String name : ConfigProvider.getConfig().getPropertyNames()) {
            if (name.startsWith("quarkus.")) {
                keys.add(name);
            }
        }
        return keys;
    }

    /** The key an environment variable sets, by the rule SmallRye Config applies: upper case, `_` for the rest. */
    static Optional<String> keyOf(String environmentVariable, Set<String> knownKeys) {
        return knownKeys.stream().filter(key -> environmentName(key).equals(environmentVariable)).findFirst();
    }

    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
