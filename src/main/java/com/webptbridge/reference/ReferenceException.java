package com.webptbridge.reference;

/** A maintenance request refused, with the reason a caller acts on and a sentence that says what to fix. */
public final class ReferenceException extends Exception {

    /** Why: the request itself is wrong, the record does not exist, or it clashes with one that does. */
    public enum Failure {
        INVALID,
        NOT_FOUND,
        CONFLICT
    }

    private final Failure failure;

    public ReferenceException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
