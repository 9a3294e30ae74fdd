package com.webptbridge.api;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.maintenance.Maintenance;
import com.webptbridge.reference.ReferenceException;
import io.vertx.core.http.HttpMethod;

import java.util.ArrayList;
import java.util.List;

/**
 * One interface's reference data, for each {@link ReferenceKind} at its API path
 * ({@code /api/payers}, ...): list and search, show, audit, add, change, deactivate. A refusal of
 * the maintenance rules is 400 (invalid), 404 (unknown) or 409 (conflict) with its sentence.
 */
final class ReferenceResource {

    /** The path parameter of one record: its Sequence Number, NPI or code. */
    private static final String KEY = "key";

    List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (ReferenceKind kind : ReferenceKind.values()) {
            ApiPath all = ApiPath.of("api").member(kind.path(), "kind");
            ApiPath one = all.param(KEY);
            out.add(Endpoint.get(
                            all,
                            Role.VIEWER,
                            "reference records: list (search)",
                            call -> refused(() -> ApiResponse.ok(
                                    maintenance(call).references().list(kind, call.query("q")))))
                    .taking("q")
                    .ofInterface());
            out.add(Endpoint.get(
                            one,
                            Role.VIEWER,
                            "one reference record",
                            call -> refused(() -> ApiResponse.ok(
                                    maintenance(call).references().show(kind, call.param(KEY)))))
                    .ofInterface());
            out.add(Endpoint.get(
                            one.then("audit"),
                            Role.VIEWER,
                            "who changed a reference record, when, how",
                            call -> refused(() -> {
                                maintenance(call).references().show(kind, call.param(KEY));
                                return ApiResponse.ok(
                                        maintenance(call).references().audit(kind, call.param(KEY)));
                            }))
                    .ofInterface());
            out.add(Endpoint.change(
                            HttpMethod.POST,
                            all,
                            Role.ANALYST,
                            "add a reference record (201)",
                            call -> refused(() -> new ApiResponse(
                                    201,
                                    ChangeJson.of(maintenance(call)
                                            .create(kind, call.body().fields(), call.operator())))))
                    .ofInterface());
            out.add(Endpoint.change(
                            HttpMethod.PUT,
                            one,
                            Role.ANALYST,
                            "change or reactivate a reference record",
                            call -> refused(() -> ApiResponse.ok(ChangeJson.of(maintenance(call)
                                    .update(kind, call.param(KEY), call.body().fields(), call.operator())))))
                    .ofInterface());
            out.add(Endpoint.change(
                            HttpMethod.DELETE,
                            one,
                            Role.ANALYST,
                            "deactivate a reference record",
                            call -> refused(() -> ApiResponse.ok(
                                    maintenance(call).references().deactivate(kind, call.param(KEY), call.operator()))))
                    .ofInterface());
        }
        return out;
    }

    private static Maintenance maintenance(Call call) {
        return call.practice().maintenance();
    }

    @FunctionalInterface
    private interface Work {
        ApiResponse run() throws Exception;
    }

    /** The maintenance rules' refusal as its status and sentence. */
    private static ApiResponse refused(Work work) throws Exception {
        try {
            return work.run();
        } catch (ReferenceException e) {
            int status =
                    switch (e.failure()) {
                        case INVALID -> 400;
                        case NOT_FOUND -> 404;
                        case CONFLICT -> 409;
                    };
            return ApiResponse.error(status, e.getMessage());
        }
    }
}
