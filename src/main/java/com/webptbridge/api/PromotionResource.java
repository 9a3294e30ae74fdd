package com.webptbridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.interfaces.InterfaceDefinition;
import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.maintenance.Maintenance;
import com.webptbridge.reference.ImportFile;
import com.webptbridge.reference.ImportPreview;
import com.webptbridge.reference.ReferenceCsv;
import com.webptbridge.reference.ReferenceException;
import io.vertx.core.http.HttpMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Promotion: an interface set up and tested on one engine, carried to another.
 * {@code GET /api/interfaces/{interface}/export} answers its definition (without the paths that
 * only mean something on this engine), its mapping profile's text and its reference data as CSV per
 * kind. {@code POST /api/interfaces/import} takes the same and creates the interface the way any
 * interface is added at run time (so it starts as every new interface does); {@code ?dry-run=true}
 * answers what it would create. An interface of that id that exists (running, or disabled in the
 * interface folder) is refused (409).
 */
final class PromotionResource {

    private static final ApiPath INTERFACES = ApiPath.of("api", "interfaces");

    private final InterfaceRegistry interfaces;

    PromotionResource(InterfaceRegistry interfaces) {
        this.interfaces = interfaces;
    }

    /** What a promotion carries: the definition, the profile's YAML, each kind's CSV by its path. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Bundle(InterfaceDefinition definition, String profile, Map<String, String> reference) {}

    /** What an import creates (or, previewed, would create): the interface and each kind's rows. */
    record Created(boolean applied, InterfaceDefinition definition, Map<String, ImportPreview> reference) {}

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.change(
                                HttpMethod.POST,
                                INTERFACES.then("import"),
                                Role.ADMIN,
                                "create an interface exported from another engine (201); ?dry-run=true previews it",
                                this::importBundle)
                        .taking("dry-run")
                        .engine(),
                Endpoint.get(
                                INTERFACES.param(ApiPath.INTERFACE).then("export"),
                                Role.ADMIN,
                                "an interface's definition, mapping profile and reference data, to promote",
                                this::export)
                        .engine());
    }

    private ApiResponse export(Call call) throws Exception {
        String id = call.param(ApiPath.INTERFACE);
        RunningInterface running =
                interfaces.find(id).orElseThrow(() -> new ApiException(404, "No interface " + id + " is running."));
        InterfaceDefinition d = running.definition();
        Map<String, String> reference = new LinkedHashMap<>();
        for (ReferenceKind kind : ReferenceKind.values()) {
            reference.put(
                    kind.path(),
                    ReferenceCsv.write(kind, running.maintenance().references().list(kind, null)));
        }
        InterfaceDefinition portable = new InterfaceDefinition(
                d.id(),
                d.name(),
                d.mllp(),
                d.match(),
                null,
                null,
                d.ackMode(),
                null,
                d.senders(),
                null,
                d.tlsSubjects(),
                null, // no webhook: its address may hold the receiver's secret, and it is this engine's
                d.rules());
        return ApiResponse.ok(new Bundle(portable, interfaces.profileText(id), reference));
    }

    private ApiResponse importBundle(Call call) throws Exception {
        Bundle bundle;
        try {
            bundle = call.json().convertValue(call.body().fields(), Bundle.class);
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause() != null && e.getCause().getCause() != null
                    ? e.getCause().getCause()
                    : e;
            throw new ApiException(400, "The interface to import is not valid: " + cause.getMessage());
        }
        if (bundle.definition() == null) {
            throw new ApiException(400, "definition is required: the interface as its file defines it.");
        }
        InterfaceDefinition d = bundle.definition();
        if (interfaces.exists(d.id())) { // running, or disabled in the interface folder
            throw new ApiException(
                    409,
                    "An interface " + d.id() + " already exists on this engine: promotion creates an interface,"
                            + " it never overwrites one. Import its reference data with bridge import instead.");
        }
        if (bundle.profile() != null) {
            DryRunResource.profile(bundle.profile()); // a broken profile is refused before anything is made
        }
        Map<String, ImportFile> files = new LinkedHashMap<>();
        Map<String, String> csvs = bundle.reference() == null ? Map.of() : bundle.reference();
        for (Map.Entry<String, String> e : csvs.entrySet()) {
            ReferenceKind kind = kindOf(e.getKey());
            try {
                files.put(kind.path(), ImportFile.read(kind, kind.path() + ".csv", bytes(e.getValue()), Map.of()));
            } catch (ReferenceException ex) {
                throw new ApiException(400, ex.getMessage());
            }
        }
        String operator = call.operator(); // a refused X-Operator is refused before anything is made
        if ("true".equalsIgnoreCase(call.query("dry-run"))) {
            Map<String, ImportPreview> previews = new LinkedHashMap<>();
            files.forEach((kind, file) -> previews.put(kind, ImportPreview.of(file, List.of())));
            return ApiResponse.ok(new Created(false, d, previews));
        }
        String profile = bundle.profile() == null ? null : interfaces.keepProfile(d.id(), bundle.profile());
        InterfaceDefinition created = new InterfaceDefinition(
                d.id(),
                d.name(),
                d.mllp(),
                d.match(),
                profile,
                null,
                d.ackMode(),
                null,
                d.senders(),
                null,
                d.tlsSubjects(),
                null, // no webhook: its address may hold the receiver's secret, and it is this engine's
                d.rules());
        RunningInterface running;
        try {
            running = interfaces.add(created);
        } catch (IllegalArgumentException e) {
            throw new ApiException(409, e.getMessage());
        }
        Maintenance maintenance = running.maintenance();
        Map<String, ImportPreview> imported = new LinkedHashMap<>();
        for (Map.Entry<String, ImportFile> e : files.entrySet()) {
            imported.put(
                    e.getKey(),
                    maintenance.importFile(e.getValue(), false, operator).preview());
        }
        return new ApiResponse(201, new Created(true, created, imported));
    }

    private static ReferenceKind kindOf(String path) {
        try {
            return ReferenceKind.byPath(path);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
