package com.webptbridge.api;

import java.util.Map;

/** A status and a body to write as JSON. */
record ApiResponse(int status, Object body) {

    static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    static ApiResponse error(int status, String message) {
        return new ApiResponse(status, Map.of("error", message));
    }
}
