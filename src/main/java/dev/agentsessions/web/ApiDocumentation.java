package dev.agentsessions.web;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** OpenAPI description of the whole API (served at /q/openapi). */
@OpenAPIDefinition(info = @Info(title = "agent-sessions", version = "1.0",
        description = "Chat-agent conversations for many websites, kept in PostgreSQL"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Operator API key from agent-sessions.admin.api-keys, sent as 'Authorization: Bearer <key>'")
public class ApiDocumentation extends Application {}
