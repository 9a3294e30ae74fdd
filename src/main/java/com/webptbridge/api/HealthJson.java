package com.webptbridge.api;

import com.webptbridge.build.BuildInfo;

/**
 * {@code GET /health} to a logged-in caller: UP or DOWN for the engine and its database, and which
 * build answers (an anonymous caller gets the status only).
 */
record HealthJson(String status, String database, String version, String commit) {

    HealthJson(String status, String database) {
        this(
                status,
                database,
                BuildInfo.current().version(),
                BuildInfo.current().commit());
    }
}
