package com.webptbridge.api;

/** A request the API refuses, with the HTTP status and a sentence that says what to fix. */
final class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
