package dev.agentsessions.agent;

import java.time.Duration;

/** A backend did not produce a reply: it failed, took too long, or its circuit is open. */
public class BackendError extends RuntimeException {

    public enum Kind {
        FAILED,
        TIMEOUT,
        UNAVAILABLE
    }

    private final Kind kind;
    private final Duration retryAfter;

    protected BackendError(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static BackendError failed(String message) {
        return new BackendError(Kind.FAILED, message, null, null);
    }

    public static BackendError failed(String message, Throwable cause) {
        return new BackendError(Kind.FAILED, message, null, cause);
    }

    public static BackendError timeout() {
        return new BackendError(Kind.TIMEOUT, "the backend did not answer in time", null, null);
    }

    public static BackendError unavailable(Duration retryAfter) {
        return new BackendError(Kind.UNAVAILABLE, "the backend's circuit is open", retryAfter, null);
    }

    public Kind kind() {
        return kind;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The connection could not be made, so nothing was sent: the only failure that is retried. */
    public static class ConnectionFailed extends BackendError {

        public ConnectionFailed(Throwable cause) {
            super(Kind.FAILED, "could not connect to the backend", null, cause);
        }
    }
}
