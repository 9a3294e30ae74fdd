package com.webptbridge.api;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.maintenance.Maintenance;
import com.webptbridge.reference.ImportFile;
import com.webptbridge.reference.ReferenceException;
import io.vertx.core.http.HttpMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/imports/{kind}}: a billing system's export of one reference kind, the CSV file as
 * the body ({@code text/csv}). {@code ?dry-run=true} answers the preview and stores nothing;
 * without it the preview is applied in one transaction and the answer is the same preview (what was
 * done) with the waiting messages it released. {@code ?file=} names the file in the audit trail,
 * {@code ?columns=field=Header,...} maps headers the tolerant match does not place.
 */
final class ImportResource {

    List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (ReferenceKind kind : ReferenceKind.values()) {
            out.add(Endpoint.change(
                            HttpMethod.POST,
                            ApiPath.of("api", "imports").member(kind.path(), "kind"),
                            Role.ANALYST,
                            "import a billing system's CSV export: preview (?dry-run=true) or apply",
                            call -> run(kind, call))
                    // a CSV body: a page on another site cannot send text/csv without asking first
                    .consuming("text/csv")
                    .taking("dry-run", "file", "columns") // listed in the OpenAPI document
                    .ofInterface());
        }
        return out;
    }

    private static ApiResponse run(ReferenceKind kind, Call call) throws Exception {
        byte[] csv = call.bytes();
        if (csv.length == 0) {
            throw new ApiException(400, "Send the CSV export as the request body (Content-Type: text/csv).");
        }
        String name = call.query("file") == null ? kind.path() + ".csv" : call.query("file");
        boolean dryRun = "true".equalsIgnoreCase(call.query("dry-run"));
        Maintenance maintenance = call.practice().maintenance();
        try {
            ImportFile file = ImportFile.read(kind, name, csv, columns(call.query("columns")));
            return ApiResponse.ok(maintenance.importFile(file, dryRun, call.operator()));
        } catch (ReferenceException e) {
            return ApiResponse.error(400, e.getMessage());
        }
    }

    /**
     * {@code name=Payer Name,sequenceNumber=Seq} as field to header. A header that holds a comma or
     * an equals sign cannot be named this way; rename it in the file.
     */
    static Map<String, String> columns(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new ApiException(
                        400,
                        "columns takes field=Header pairs separated by commas, e.g. name=Payer Name; '" + pair
                                + "' is not one.");
            }
            out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return out;
    }
}
