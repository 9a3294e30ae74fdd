package com.webptbridge.api;

import com.webptbridge.store.security.AccessLog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code GET /api/access-log}: reads of patient data and raw messages, and changes, newest first. */
final class AccessLogResource {

    private final AccessLog accessLog;

    AccessLogResource(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    List<Endpoint> endpoints() {
        return List.of(Endpoint.get(
                        ApiPath.of("api", "access-log"),
                        Role.ADMIN,
                        "reads of patients and raw messages and changes, newest first",
                        call -> ApiResponse.ok(accessLog.find(
                                Params.blankToNull(call.query("user")),
                                Params.blankToNull(call.query("patientId")),
                                instant(call.query("from"), "from"),
                                instant(call.query("to"), "to"),
                                1000)))
                .taking("user", "patientId", "from", "to")
                .engine());
    }

    /** An ISO instant (2024-05-01T10:00:00Z) or a date (2024-05-01, start of that day here). */
    private static Instant instant(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.contains("T")
                    ? Instant.parse(text.trim())
                    : LocalDate.parse(text.trim())
                            .atStartOfDay(ZoneId.systemDefault())
                            .toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException(400, what + " must be a date (yyyy-MM-dd) or an instant (2024-05-01T10:00:00Z)");
        }
    }
}
