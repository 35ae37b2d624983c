package dev.agentsessions.agent;

import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.web.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Backend secrets, read by name from the environment or configuration (a Kubernetes Secret mapped to
 * environment variables), never stored. Only names with the configured prefix may be read, so an agent
 * can never be pointed at, say, the database password.
 */
@ApplicationScoped
public class Secrets {

    private final AgentSessionsConfig config;

    public Secrets(AgentSessionsConfig config) {
        this.config = config;
    }

    public void requireReadable(String field, String name) {
        if (name != null && !name.startsWith(config.backends().secretEnvPrefix())) {
            throw new InvalidInput(field, "must start with '" + config.backends().secretEnvPrefix() + "'");
        }
    }

    public Optional<String> read(String name) {
        if (name == null || !name.startsWith(config.backends().secretEnvPrefix())) {
            return Optional.empty();
        }
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).filter(value -> !value.isBlank());
    }
}
