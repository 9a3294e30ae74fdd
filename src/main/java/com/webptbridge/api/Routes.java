package com.webptbridge.api;

import com.webptbridge.billing.PatientField;
import com.webptbridge.store.Database;
import com.webptbridge.store.Journal;
import com.webptbridge.store.JournalEntry;
import com.webptbridge.store.MessageError;
import com.webptbridge.store.MessageStatus;
import com.webptbridge.maintenance.Maintenance;
import com.webptbridge.reference.ReferenceException;
import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.WaitingKind;
import com.webptbridge.store.ReprocessFilter;
import com.webptbridge.store.PatientAccount;
import com.webptbridge.store.PatientRecord;
import com.webptbridge.store.PatientStore;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The API's GET resources and their JSON shapes. */
final class Routes {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final Database db;
    private final Journal journal;
    private final PatientStore patients;
    private final PatientAccount accounts;
    private final Maintenance maintenance;

    Routes(Database db, Journal journal, PatientStore patients, PatientAccount accounts, Maintenance maintenance) {
        this.db = db;
        this.journal = journal;
        this.patients = patients;
        this.accounts = accounts;
        this.maintenance = maintenance;
    }

    ApiResponse handle(String method, String path, Map<String, String> query, Map<String, Object> body, String operator)
            throws SQLException {
        String[] parts = path.replaceAll("/+$", "").split("/");
        // /api/{kind}[/{key}[/audit]]: reference maintenance
        ReferenceKind kind = parts.length >= 3 && parts[1].equals("api") && ReferenceKind.isPath(parts[2])
                ? ReferenceKind.byPath(parts[2]) : null;
        try {
            if (kind != null) {
                return reference(method, kind, parts, query, body, operator);
            }
            if (method.equals("POST") && path.equals("/api/messages/reprocess")) {
                return ApiResponse.ok(Map.of("reprocessed", maintenance.reprocessor().reprocess(filter(body))));
            }
            if (method.equals("POST") && parts.length == 5 && path.startsWith("/api/messages/") && parts[4].equals("reprocess")) {
                long id = number(parts[3], "message id");
                return maintenance.reprocessor().reprocess(id).map(ApiResponse::ok)
                        .orElse(ApiResponse.error(404, "No journaled message has id " + id));
            }
        } catch (ReferenceException e) {
            int status = switch (e.failure()) {
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

    private ApiResponse reference(String method, ReferenceKind kind, String[] parts, Map<String, String> query,
                                  Map<String, Object> body, String operator) throws ReferenceException, SQLException {
        String key = parts.length > 3 ? URLDecoder.decode(parts[3], StandardCharsets.UTF_8) : null;
        if (parts.length == 5 && parts[4].equals("audit") && method.equals("GET")) {
            maintenance.references().show(kind, key);
            return ApiResponse.ok(maintenance.references().audit(kind, key));
        }
        if (parts.length > 4) {
            return ApiResponse.error(404, "No such resource");
        }
        switch (method) {
            case "GET":
                return ApiResponse.ok(key == null ? maintenance.references().list(kind, query.get("q"))
                        : maintenance.references().show(kind, key));
            case "POST":
                if (key != null) {
                    return ApiResponse.error(405, "POST goes to /api/" + kind.path() + "; use PUT to change " + key);
                }
                return new ApiResponse(201, changeJson(maintenance.create(kind, body, operator)));
            case "PUT":
                if (key == null) {
                    return ApiResponse.error(405, "PUT needs the record: /api/" + kind.path() + "/{key}");
                }
                return ApiResponse.ok(changeJson(maintenance.update(kind, key, body, operator)));
            case "DELETE":
                if (key == null) {
                    return ApiResponse.error(405, "DELETE needs the record: /api/" + kind.path() + "/{key}");
                }
                return ApiResponse.ok(maintenance.references().deactivate(kind, key, operator));
            default:
                return ApiResponse.error(405, method + " is not supported on /api/" + kind.path());
        }
    }

    private static Map<String, Object> changeJson(Maintenance.Change change) {
        Map<String, Object> json = new LinkedHashMap<>(change.record());
        if (change.instructions() != null) {
            json.put("instructions", change.instructions());
        }
        json.put("reprocessed", change.reprocessed());
        return json;
    }

    /** A bulk-reprocess filter from JSON: status, errorCode, waitingKind, waitingKey, from, to, limit. */
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
            return new ReprocessFilter(statuses, code == null ? null : Integer.valueOf(String.valueOf(code)),
                    waitingKind(body.get("waitingKind")), body.get("waitingKey") == null ? null : String.valueOf(body.get("waitingKey")),
                    body.get("from") == null ? null : java.time.LocalDate.parse(String.valueOf(body.get("from"))),
                    body.get("to") == null ? null : java.time.LocalDate.parse(String.valueOf(body.get("to"))),
                    limit == null ? 1000 : Integer.parseInt(String.valueOf(limit)));
        } catch (NumberFormatException | java.time.format.DateTimeParseException | ClassCastException e) {
            throw new ApiException(400, "Bad reprocess filter: errorCode and limit are numbers, from/to dates"
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
        if (path.equals("/health")) {
            boolean up = db.healthy();
            return new ApiResponse(up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN", "database", up ? "UP" : "DOWN"));
        }
        if (path.startsWith("/api/patients/") && path.length() > "/api/patients/".length()) {
            String id = URLDecoder.decode(path.substring("/api/patients/".length()), StandardCharsets.UTF_8);
            Optional<PatientRecord> patient = patients.find(id);
            if (patient.isEmpty()) {
                return ApiResponse.error(404, "No billing patient has WebPT patient ID " + id);
            }
            Map<String, Object> json = patientJson(patient.get());
            json.put("insurances", accounts.policies(patient.get().id()).stream().map(Routes::policyJson).toList());
            json.put("encounters", accounts.encounters(patient.get().id()).stream().map(Routes::encounterJson).toList());
            return ApiResponse.ok(json);
        }
        if (path.equals("/api/worklist")) {
            return ApiResponse.ok(maintenance.worklist());
        }
        if (path.equals("/api/messages")) {
            return ApiResponse.ok(journal.list(status(query.get("status")), blankToNull(query.get("type")),
                    blankToNull(query.get("patientId")), limit(query.get("limit"))).stream().map(Routes::messageJson).toList());
        }
        if (path.startsWith("/api/messages/")) {
            long id = number(path.substring("/api/messages/".length()), "message id");
            boolean raw = "true".equalsIgnoreCase(query.get("raw"));
            Optional<JournalEntry> entry = journal.find(id, raw);
            if (entry.isEmpty()) {
                return ApiResponse.error(404, "No journaled message has id " + id);
            }
            Map<String, Object> json = messageJson(entry.get());
            json.put("attemptHistory", journal.attempts(id));
            return ApiResponse.ok(json);
        }
        return ApiResponse.error(404, "No such resource: " + path);
    }

    static Map<String, Object> patientJson(PatientRecord p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("patientId", p.patientId());
        json.put("lastName", p.get(PatientField.LAST_NAME));
        json.put("firstName", p.get(PatientField.FIRST_NAME));
        json.put("middleName", p.get(PatientField.MIDDLE_NAME));
        json.put("suffix", p.get(PatientField.SUFFIX));
        Object dob = p.get(PatientField.DATE_OF_BIRTH);
        json.put("dateOfBirth", dob == null ? null : dob.toString()); // LocalDate prints yyyy-MM-dd
        json.put("sex", p.get(PatientField.SEX));
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", p.get(PatientField.ADDRESS_LINE1));
        address.put("line2", p.get(PatientField.ADDRESS_LINE2));
        address.put("city", p.get(PatientField.CITY));
        address.put("state", p.get(PatientField.STATE));
        address.put("zip", p.get(PatientField.ZIP));
        address.put("country", p.get(PatientField.COUNTRY));
        json.put("address", address);
        json.put("homePhone", p.get(PatientField.HOME_PHONE));
        json.put("workPhone", p.get(PatientField.WORK_PHONE));
        json.put("mobilePhone", p.get(PatientField.MOBILE_PHONE));
        json.put("email", p.get(PatientField.EMAIL));
        json.put("maritalStatus", p.get(PatientField.MARITAL_STATUS));
        json.put("ssn", p.get(PatientField.SSN));
        json.put("language", p.get(PatientField.LANGUAGE));
        return json;
    }

    static Map<String, Object> policyJson(PatientAccount.PolicyView p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("priority", p.priority());
        json.put("payer", Map.of("sequenceNumber", p.payerSequence(), "name", p.payerName()));
        json.put("memberId", p.memberId());
        json.put("groupNumber", p.groupNumber());
        json.put("groupName", p.groupName());
        json.put("effectiveDate", p.effectiveDate());
        json.put("expirationDate", p.expirationDate());
        Map<String, Object> insured = new LinkedHashMap<>();
        insured.put("lastName", p.insuredLastName());
        insured.put("firstName", p.insuredFirstName());
        insured.put("relationship", p.relationship());
        insured.put("dateOfBirth", p.insuredDateOfBirth());
        insured.put("sex", p.insuredSex());
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", p.addressLine1());
        address.put("line2", p.addressLine2());
        address.put("city", p.city());
        address.put("state", p.state());
        address.put("zip", p.zip());
        insured.put("address", address);
        json.put("insured", insured);
        return json;
    }

    static Map<String, Object> encounterJson(PatientAccount.EncounterView e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("visitNumber", e.visitNumber());
        json.put("serviceDate", e.serviceDate());
        json.put("facility", Map.of("sequenceNumber", e.facilitySequence(), "name", e.facilityName()));
        json.put("renderingProvider", Map.of("sequenceNumber", e.renderingSequence(), "npi", e.renderingNpi()));
        Map<String, Object> referring = null;
        if (e.referringNpi() != null) {
            referring = new LinkedHashMap<>();
            referring.put("npi", e.referringNpi());
            referring.put("name", e.referringName());
        }
        json.put("referringProvider", referring);
        json.put("placeOfService", e.placeOfService());
        json.put("diagnoses", e.diagnoses());
        json.put("charges", e.charges());
        return json;
    }

    static Map<String, Object> messageJson(JournalEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("receivedAt", String.valueOf(e.receivedAt()));
        json.put("remoteAddress", e.remoteAddress());
        json.put("sendingApplication", e.sendingApplication());
        json.put("sendingFacility", e.sendingFacility());
        json.put("controlId", e.controlId());
        json.put("messageType", e.messageType());
        json.put("triggerEvent", e.triggerEvent());
        json.put("version", e.version());
        json.put("charset", e.charset());
        json.put("sizeBytes", e.sizeBytes());
        json.put("status", e.status().name());
        json.put("patientId", e.patientId());
        json.put("ackCode", e.ackCode());
        json.put("ack", e.ackMessage());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (MessageError err : e.errors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", err.hl7Code());
            m.put("reason", err.reason());
            m.put("location", err.location());
            m.put("text", err.text());
            errors.add(m);
        }
        json.put("errors", errors);
        json.put("notes", e.notes());
        json.put("duplicateOf", e.duplicateOf());
        json.put("attempts", e.attempts());
        json.put("completedAt", e.completedAt() == null ? null : e.completedAt().toString());
        if (e.rawMessage() != null) {
            json.put("rawMessage", e.rawMessage());
        }
        return json;
    }

    private static MessageStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return MessageStatus.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "status must be one of " + List.of(MessageStatus.values()) + ", was '" + s + "'");
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
