package dev.agentsessions.cleanup;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator control of cleanup (API key required, see ApiKeyFilter). */
@Path("/api/admin/cleanup")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cleanup (operator)")
@SecurityRequirement(name = "apiKey")
public class CleanupResource {

    private final CleanupService cleanup;

    public CleanupResource(CleanupService cleanup) {
        this.cleanup = cleanup;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run cleanup now and return what it did; optional body {\"retention_hours\": 24}")
    public CleanupReport runNow(@Valid CleanupRequest body) {
        return cleanup.run(Optional.ofNullable(body).flatMap(CleanupRequest::retention));
    }
}
