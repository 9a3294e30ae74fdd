package com.webptbridge.api;

import com.webptbridge.reports.BilledVisits;
import com.webptbridge.reports.Reconciler;
import com.webptbridge.reports.Reconciliation;
import com.webptbridge.reports.ReconciliationDocument;
import com.webptbridge.store.Database;
import com.webptbridge.store.report.PostedVisits;
import io.vertx.core.http.HttpMethod;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code POST /api/reconcile}: WebPT's list of billed visits (the CSV as the body) against what the
 * interface posted. Its lines name patients, so it needs the analyst role and is a patient read in the
 * access log; it changes nothing.
 */
final class ReconcileResource {

    private final Reconciler reconciler;

    ReconcileResource(Database db) {
        this.reconciler = new Reconciler(new PostedVisits(db));
    }

    List<Endpoint> endpoints() {
        return List.of(Endpoint.change(
                        HttpMethod.POST,
                        ApiPath.of("api", "reconcile"),
                        Role.ANALYST,
                        "reconcile WebPT's list of billed visits (text/csv) with what was posted, ?format=json|csv|text",
                        this::reconcile)
                // it changes nothing, but the answer shows patients' visits
                .audited(Endpoint.Audit.READ_PATIENT)
                .consuming("text/csv")
                .taking("format")
                .uploading()
                .ofInterface());
    }

    private ApiResponse reconcile(Call call) throws Exception {
        String format = call.query("format") == null ? "json" : call.query("format");
        if (!List.of("json", "csv", "text").contains(format)) {
            throw new ApiException(400, "format must be json, csv or text, was '" + format + "'.");
        }
        byte[] csv = call.bytes();
        if (csv.length == 0) {
            throw new ApiException(
                    400, "Send WebPT's list of billed visits as the request body (Content-Type: text/csv).");
        }
        Reconciliation result;
        try {
            result = reconciler.reconcile(call.practice().id(), BilledVisits.read(csv));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        return switch (format) {
            case "csv" -> ApiResponse.ok(new AdminApi.Raw(
                    "text/csv; charset=utf-8",
                    ReconciliationDocument.csv(result).getBytes(StandardCharsets.UTF_8)));
            case "text" -> ApiResponse.ok(new AdminApi.Raw(
                    "text/plain; charset=utf-8",
                    ReconciliationDocument.text(result).getBytes(StandardCharsets.UTF_8)));
            default -> ApiResponse.ok(result);
        };
    }
}
