package com.webptbridge.api;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.WaitingKind;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.maintenance.Maintenance;
import com.webptbridge.maintenance.Reprocessor;
import com.webptbridge.reference.ReferenceException;
import com.webptbridge.store.billing.PatientAccount;
import com.webptbridge.store.billing.PatientRecord;
import com.webptbridge.store.billing.PatientStore;
import com.webptbridge.store.journal.Journal;
import com.webptbridge.store.journal.JournalEntry;
import com.webptbridge.store.journal.MessageStatus;
import com.webptbridge.store.journal.ReprocessFilter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The API's GET resources and their JSON shapes. */
final class Routes {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final Journal journal;
    private final PatientStore patients;
    private final PatientAccount accounts;
    private final Maintenance maintenance;

    /** The resources of one practice's interface: nothing here reaches another interface's data. */
    Routes(RunningInterface practice) {
        this.journal = practice.journal();
        this.patients = practice.patients();
        this.accounts = practice.accounts();
        this.maintenance = practice.maintenance();
    }

    ApiResponse handle(String method, String path, Map<String, String> query, Map<String, Object> body, String operator)
            throws SQLException {
        String[] parts = path.replaceAll("/+$", "").split("/");
        // /api/{kind}[/{key}[/audit]]: reference maintenance
        ReferenceKind kind = parts.length >= 3 && parts[1].equals("api") && ReferenceKind.isPath(parts[2])
                ? ReferenceKind.byPath(parts[2])
                : null;
        try {
            if (kind != null) {
                return reference(method, kind, parts, query, body, operator);
            }
            if (method.equals("POST") && path.equals("/api/messages/reprocess")) {
                if (Boolean.parseBoolean(String.valueOf(body.get("dryRun")))) {
                    return ApiResponse.ok(
                            Map.of("wouldReprocess", maintenance.reprocessor().candidates(filter(body))));
                }
                List<Long> ids = maintenance.reprocessor().selected(filter(body));
                if (ids.size() > Reprocessor.INLINE) {
                    // A large backlog: answered at once with the job, whose progress is read at /api/jobs/{id}.
                    return new ApiResponse(
                            202, maintenance.reprocessor().reprocessInBackground(ids, maintenance.jobs()));
                }
                List<Reprocessor.Outcome> outcomes = new java.util.ArrayList<>();
                for (long id : ids) {
                    maintenance.reprocessor().reprocess(id).ifPresent(outcomes::add);
                }
                return ApiResponse.ok(Map.of("reprocessed", outcomes));
            }
            if (method.equals("POST")
                    && parts.length == 5
                    && path.startsWith("/api/messages/")
                    && parts[4].equals("reprocess")) {
                long id = number(parts[3], "message id");
                return maintenance
                        .reprocessor()
                        .reprocess(id)
                        .map(ApiResponse::ok)
                        .orElse(ApiResponse.error(404, "No journaled message has id " + id));
            }
        } catch (ReferenceException e) {
            int status =
                    switch (e.failure()) {
                        case INVALID -> 400;
                        case NOT_FOUND -> 404;
                        case CONFLICT -> 409;
                    };
            return ApiResponse.error(status, e.getMessage());
        }
        if (!method.equals("GET")) {
            return ApiResponse.error(405, method + " is not supported on " + path);
        }
        return get(path, query);
    }

    private ApiResponse reference(
            String method,
            ReferenceKind kind,
            String[] parts,
            Map<String, String> query,
            Map<String, Object> body,
            String operator)
            throws ReferenceException, SQLException {
        String key = parts.length > 3 ? URLDecoder.decode(parts[3], StandardCharsets.UTF_8) : null;
        if (parts.length == 5 && parts[4].equals("audit") && method.equals("GET")) {
            allow(query, "/api/" + kind.path() + "/{key}/audit");
            maintenance.references().show(kind, key);
            return ApiResponse.ok(maintenance.references().audit(kind, key));
        }
        if (parts.length > 4) {
            return ApiResponse.error(404, "No such resource");
        }
        switch (method) {
            case "GET":
                if (key == null) {
                    allow(query, "/api/" + kind.path(), "q");
                } else {
                    allow(query, "/api/" + kind.path() + "/{key}");
                }
                return ApiResponse.ok(
                        key == null
                                ? maintenance.references().list(kind, query.get("q"))
                                : maintenance.references().show(kind, key));
            case "POST":
                if (key != null) {
                    return ApiResponse.error(405, "POST goes to /api/" + kind.path() + "; use PUT to change " + key);
                }
                return new ApiResponse(201, ChangeJson.of(maintenance.create(kind, body, operator)));
            case "PUT":
                if (key == null) {
                    return ApiResponse.error(405, "PUT needs the record: /api/" + kind.path() + "/{key}");
                }
                return ApiResponse.ok(ChangeJson.of(maintenance.update(kind, key, body, operator)));
            case "DELETE":
                if (key == null) {
                    return ApiResponse.error(405, "DELETE needs the record: /api/" + kind.path() + "/{key}");
                }
                return ApiResponse.ok(maintenance.references().deactivate(kind, key, operator));
            default:
                return ApiResponse.error(405, method + " is not supported on /api/" + kind.path());
        }
    }

    /** A bulk-reprocess filter from JSON: status, errorCode, waitingKind, waitingKey, from, to, limit. */
    /** How many messages one bulk reprocess may take: 1 to 10,000 (1,000 unless given). */
    private static int reprocessLimit(Object limit) {
        int n = limit == null ? 1000 : Integer.parseInt(String.valueOf(limit));
        if (n < 1 || n > 10_000) {
            throw new ApiException(400, "limit must be between 1 and 10000, was " + n);
        }
        return n;
    }

    private static ReprocessFilter filter(Map<String, Object> body) {
        try {
            java.util.Set<MessageStatus> statuses = new java.util.HashSet<>();
            Object status = body.get("status");
            if (status != null) {
                for (String s : String.valueOf(status).split(",")) {
                    statuses.add(status(s));
                }
            }
            Object code = body.get("errorCode");
            Object limit = body.get("limit");
            return new ReprocessFilter(
                    statuses,
                    code == null ? null : Integer.valueOf(String.valueOf(code)),
                    waitingKind(body.get("waitingKind")),
                    body.get("waitingKey") == null ? null : String.valueOf(body.get("waitingKey")),
                    body.get("from") == null ? null : java.time.LocalDate.parse(String.valueOf(body.get("from"))),
                    body.get("to") == null ? null : java.time.LocalDate.parse(String.valueOf(body.get("to"))),
                    reprocessLimit(limit));
        } catch (NumberFormatException | java.time.format.DateTimeParseException | ClassCastException e) {
            throw new ApiException(
                    400,
                    "Bad reprocess filter: errorCode and limit are numbers, from/to dates"
                            + " (yyyy-MM-dd), status one of " + List.of(MessageStatus.values()) + ".");
        }
    }

    /** A waiting kind as the journal spells it; a typo is refused naming the valid kinds. */
    private static String waitingKind(Object kind) {
        if (kind == null) {
            return null;
        }
        try {
            return WaitingKind.parse(String.valueOf(kind)).code();
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "waitingKind: " + e.getMessage());
        }
    }

    ApiResponse get(String path, Map<String, String> query) throws SQLException {
        if (path.startsWith("/api/patients/") && path.length() > "/api/patients/".length()) {
            String id = URLDecoder.decode(path.substring("/api/patients/".length()), StandardCharsets.UTF_8);
            allow(query, "/api/patients/{id}");
            Optional<PatientRecord> patient = patients.find(id);
            if (patient.isEmpty()) {
                return ApiResponse.error(404, "No billing patient has WebPT patient ID " + id);
            }
            long ref = patient.get().id();
            return ApiResponse.ok(PatientJson.of(patient.get(), accounts.policies(ref), accounts.encounters(ref)));
        }
        if (path.startsWith("/api/jobs/")) {
            allow(query, "/api/jobs/{id}");
            String id = path.substring("/api/jobs/".length());
            return maintenance
                    .jobs()
                    .find(id)
                    .map(ApiResponse::ok)
                    .orElse(ApiResponse.error(
                            404, "No job " + id + " (jobs are kept in the engine that runs them, the last 100)"));
        }
        if (path.equals("/api/summary")) {
            allow(query, path);
            return ApiResponse.ok(ConsoleJson.summary(journal));
        }
        if (path.equals("/api/field-names")) {
            allow(query, path, "segments");
            return ApiResponse.ok(ConsoleJson.fieldNames(query.get("segments")));
        }
        if (path.equals("/api/reference-kinds")) {
            allow(query, path);
            return ApiResponse.ok(ConsoleJson.referenceKinds());
        }
        if (path.equals("/api/worklist")) {
            allow(query, path);
            return ApiResponse.ok(maintenance.worklist());
        }
        if (path.equals("/api/messages")) {
            allow(
                    query,
                    path,
                    "status",
                    "type",
                    "patientId",
                    "controlId",
                    "facility",
                    "errorCode",
                    "from",
                    "to",
                    "limit",
                    "offset");
            String errorCode = blankToNull(query.get("errorCode"));
            String offset = blankToNull(query.get("offset"));
            long skip = offset == null ? 0 : number(offset, "offset");
            if (skip < 0 || skip > 1_000_000) {
                throw new ApiException(400, "offset must be between 0 and 1000000, was " + skip);
            }
            return ApiResponse.ok(journal
                    .search(new Journal.Search(
                            status(query.get("status")),
                            blankToNull(query.get("type")),
                            blankToNull(query.get("patientId")),
                            blankToNull(query.get("controlId")),
                            blankToNull(query.get("facility")),
                            errorCode == null ? null : (int) number(errorCode, "errorCode"),
                            ConsoleJson.instant(query.get("from"), "from"),
                            ConsoleJson.instant(query.get("to"), "to"),
                            limit(query.get("limit")),
                            (int) skip))
                    .stream()
                    .map(MessageJson::of)
                    .toList());
        }
        if (path.startsWith("/api/messages/")) {
            long id = number(path.substring("/api/messages/".length()), "message id");
            allow(query, "/api/messages/{id}", "raw");
            boolean raw = "true".equalsIgnoreCase(query.get("raw"));
            Optional<JournalEntry> entry = journal.find(id, raw);
            if (entry.isEmpty()) {
                return ApiResponse.error(404, "No journaled message has id " + id);
            }
            return ApiResponse.ok(MessageJson.of(entry.get(), journal.attempts(id)));
        }
        return ApiResponse.error(404, "No such resource: " + path);
    }

    /**
     * Refuses query parameters {@code path} does not take: a misspelt filter that were ignored would
     * answer with everything, which looks like an answer to the question asked.
     */
    static void allow(Map<String, String> query, String path, String... allowed) {
        List<String> known = List.of(allowed);
        for (String name : query.keySet()) {
            if (!known.contains(name)) {
                throw new ApiException(
                        400,
                        "Unknown query parameter '" + name + "' on GET " + path + ": "
                                + (known.isEmpty() ? "it takes none." : "it takes " + String.join(", ", known) + "."));
            }
        }
    }

    private static MessageStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return MessageStatus.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(
                    400, "status must be one of " + List.of(MessageStatus.values()) + ", was '" + s + "'");
        }
    }

    private static int limit(String s) {
        if (s == null || s.isBlank()) {
            return DEFAULT_LIMIT;
        }
        long n = number(s, "limit");
        if (n < 1 || n > MAX_LIMIT) {
            throw new ApiException(400, "limit must be between 1 and " + MAX_LIMIT + ", was " + n);
        }
        return (int) n;
    }

    private static long number(String s, String what) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(400, what + " must be a number, was '" + s + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
