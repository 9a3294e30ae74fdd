package com.webptbridge.api;

import io.vertx.core.http.HttpMethod;

import java.util.List;

/** {@code POST /api/prune}: retention now, per the retention settings ({@code {"dryRun": true}} only counts). */
final class PruneResource {

    private final AdminApi.Pruning pruning;

    PruneResource(AdminApi.Pruning pruning) {
        this.pruning = pruning;
    }

    List<Endpoint> endpoints() {
        return List.of(Endpoint.change(
                        HttpMethod.POST,
                        ApiPath.of("api", "prune"),
                        Role.ADMIN,
                        "retention now: what it removed",
                        call -> ApiResponse.ok(pruning.prune(call.body().flag("dryRun", false))))
                .engine());
    }
}
