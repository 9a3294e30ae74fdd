package com.webptbridge.api;

import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.reference.AlternateIdSheet;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/sheet}: the Alternate ID sheet WebPT's staff type from ({@link AlternateIdSheet}),
 * as a printable HTML page ({@code ?format=html}, the default), CSV ({@code ?format=csv}) or JSON
 * for the console's page ({@code ?format=json}), with
 * {@code ?since=DATE} (a date, from its start in UTC, or an instant) for the records changed since.
 */
final class SheetResource {

    List<Endpoint> endpoints() {
        return List.of(Endpoint.get(
                        ApiPath.of("api", "sheet"),
                        Role.VIEWER,
                        "the Alternate ID sheet for WebPT, ?format=html|csv|json&since=DATE",
                        SheetResource::sheet)
                .taking("format", "since")
                .ofInterface());
    }

    private static ApiResponse sheet(Call call) throws Exception {
        String format = call.query("format") == null ? "html" : call.query("format");
        if (!format.equals("html") && !format.equals("csv") && !format.equals("json")) {
            throw new ApiException(400, "format must be html, csv or json, was '" + format + "'.");
        }
        RunningInterface practice = call.practice();
        AlternateIdSheet sheet =
                AlternateIdSheet.of(practice.id(), practice.maintenance().references(), since(call.query("since")));
        if (format.equals("json")) { // the console's sheet page renders it itself
            return ApiResponse.ok(sheet);
        }
        if (format.equals("csv")) {
            return ApiResponse.ok(new AdminApi.Raw(
                    "text/csv; charset=utf-8", SheetDocument.csv(sheet).getBytes(StandardCharsets.UTF_8)));
        }
        String name = practice.definition().name() == null
                ? practice.id()
                : practice.definition().name();
        return ApiResponse.ok(new AdminApi.Raw(
                "text/html; charset=utf-8",
                SheetDocument.html(sheet, name).getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Security-Policy", SheetDocument.policy())));
    }

    /** A date (from its start, UTC) or an instant; null when not given. */
    static Instant since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiException(
                    400, "since must be a date (2026-12-01) or an instant (2026-12-01T14:00:00Z), was '" + text + "'.");
        }
    }
}
