package com.webptbridge.api;

import com.webptbridge.store.Database;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /health} and the load balancer's and orchestrator's probes, open without a login: UP or
 * DOWN and the names of the parts, and why a part is down where it can say (the database's kind
 * of failure, no data), nothing more ({@code /health} adds the database for a logged-in caller; a
 * login tried here waits out the login throttle as on /api, in AdminApi). Live is DOWN only when the
 * process must be restarted (its database pool is closed); ready is DOWN while any part is (a
 * listener not started, the database not answering or not writable, the engine draining for a stop).
 */
final class HealthResource {

    private final Database db;
    private final AdminApi.Readiness readiness;

    HealthResource(Database db, AdminApi.Readiness readiness) {
        this.db = db;
        this.readiness = readiness;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.open(ApiPath.of("health"), "UP or DOWN; with a login also the database", this::health),
                Endpoint.open(ApiPath.of("health", "ready"), "readiness probe: UP/DOWN per part", call -> ready()),
                Endpoint.open(ApiPath.of("health", "live"), "liveness probe: UP/DOWN", call -> live()));
    }

    private ApiResponse health(Call call) throws Exception {
        boolean up = db.healthy();
        String status = up ? "UP" : "DOWN";
        Object body = call.loggedIn() ? new HealthJson(status, status) : Map.of("status", status);
        return new ApiResponse(up ? 200 : 503, body);
    }

    private ApiResponse live() {
        boolean up = db.open();
        return new ApiResponse(up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
    }

    private ApiResponse ready() {
        Map<String, String> parts = new LinkedHashMap<>();
        boolean up = true;
        for (Map.Entry<String, Boolean> part : readiness.parts().entrySet()) {
            parts.put(part.getKey(), part.getValue() ? "UP" : "DOWN");
            up &= part.getValue();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", parts);
        Map<String, String> reasons = readiness.reasons();
        if (!reasons.isEmpty()) {
            body.put("reasons", reasons);
        }
        return new ApiResponse(up ? 200 : 503, body);
    }
}
