package dev.agentsessions.web;

/** A request value that is well-formed JSON but not acceptable; nothing is stored. */
public class InvalidInput extends ProblemException {

    public InvalidInput(String field, String detail) {
        super(422, "invalid-input", "Invalid input", detail, field);
    }
}
