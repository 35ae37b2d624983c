package dev.agentsessions.web;

/** A failure the client can act on; turned into a problem document by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final String field;
    private Long retryAfterSeconds;

    public ProblemException(int status, String slug, String title, String detail, String field) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.field = field;
    }

    public Problem problem() {
        return Problem.of(status, slug, title, getMessage(), field);
    }

    /** Sent as Retry-After. */
    public ProblemException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }
}
