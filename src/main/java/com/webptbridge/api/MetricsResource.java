package com.webptbridge.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code GET /metrics}: the engine's meters in Prometheus text format (counts and codes, no patient data). */
final class MetricsResource {

    private final AdminApi.MetricsText metrics;

    MetricsResource(AdminApi.MetricsText metrics) {
        this.metrics = metrics;
    }

    List<Endpoint> endpoints() {
        return List.of(Endpoint.get(
                ApiPath.of("metrics"),
                Role.VIEWER,
                "Prometheus text format",
                call -> ApiResponse.ok(new AdminApi.Raw(
                        "text/plain; version=0.0.4; charset=utf-8",
                        metrics.scrape().getBytes(StandardCharsets.UTF_8)))));
    }
}
