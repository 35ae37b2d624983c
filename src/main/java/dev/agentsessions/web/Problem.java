package dev.agentsessions.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * An RFC 9457 problem document: the one error format of the API. It only ever travels inside a Response
 * built by hand, so Quarkus REST cannot see it as a return type: registered for the native image (with
 * FieldError, as nested classes are included).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type, String title, int status, String detail, String field, List<FieldError> errors, String sessionId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:agent-sessions:problem:";

    public static Problem of(int status, String slug, String title, String detail, String field) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, field, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, field, fieldErrors, sessionId);
    }

    /** For a failed chat turn: the session the user message is stored in, to retry in. */
    public Problem withSessionId(String id) {
        return new Problem(type, title, status, detail, field, errors, id);
    }

    /** One invalid field, named as it is spelled in the JSON request or the query string. */
    public record FieldError(String field, String detail) {}
}
