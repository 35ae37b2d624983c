package dev.agentsessions.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.agentsessions.config.AgentSessionsConfig;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into an RFC 9457 problem document; no stack trace or class name reaches a client. */
public class ProblemMappers {

    private final AgentSessionsConfig config;

    public ProblemMappers(AgentSessionsConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = respond(e.problem());
        if (e.retryAfterSeconds() != null) {
            return Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response invalidValues(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.detail()).collect(Collectors.joining("; "));
        String field = errors.isEmpty() ? null : errors.get(0).field();
        return respond(Problem.of(422, "invalid-input", "Invalid input", detail, field).withErrors(errors));
    }

    /** Declared for the exact types Quarkus REST maps itself, so that ours answer instead. */
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = jsonPath(unknown);
            return respond(Problem.of(400, "unknown-field", "Unknown field",
                    "The field '" + field + "' is not part of this request", field));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            return respond(Problem.of(400, "invalid-type", "Wrong type",
                    "The field '" + field + "' has the wrong type or shape", field));
        }
        return respond(Problem.of(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON", null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String reason = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Request refused";
        String slug = reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        Response.ResponseBuilder response = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, slug, reason, describe(status), null));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow")) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (DatabaseUnavailable.causedBy(e)) {
            Log.warnf("Database unavailable: %s", e.getMessage());
            return problem(new DatabaseUnavailable(config.database().retryAfter()));
        }
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected failure, error id %s", errorId);
        return respond(Problem.of(500, "internal-error", "Internal error",
                "The request failed on the server; quote error id " + errorId + " when reporting it", null));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "The requested media type cannot be produced";
            case 415 -> "The request body's media type is not the one this operation takes (see the OpenAPI document)";
            default -> "The request was refused";
        };
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /**
     * The violation's path below the request body or query parameter, spelled as in the JSON request
     * (snake_case, with list indexes: `messages[1].role`).
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder below = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                below.setLength(0);
                continue;
            }
            if (node.isInIterable()) {
                below.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                below.append(below.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        String name = !below.isEmpty() ? below.toString() : parameter;
        if (name == null) {
            return "body";
        }
        return snakeCase(name);
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
