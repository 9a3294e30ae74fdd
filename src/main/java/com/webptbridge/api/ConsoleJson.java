package com.webptbridge.api;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.build.BuildInfo;
import com.webptbridge.hl7.FieldNames;
import com.webptbridge.store.journal.Journal;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the console's pages read beyond the journal and reference resources: dashboard counts, field names, kinds. */
final class ConsoleJson {

    private ConsoleJson() {}

    /** One line of the dashboard: a message type from a sending facility, by outcome. */
    record Line(
            String type,
            String facility,
            long received,
            long processed,
            long waiting,
            long rejected,
            long duplicate,
            long inProgress) {}

    /** A period's counts: per type and facility, totals, and the share answered AE or AR. */
    record Period(List<Line> lines, Line total, double nakRate) {}

    record Summary(
            Period lastHour,
            Period lastDay,
            long waitingMessages,
            Instant oldestWaiting,
            String version,
            long uptimeSeconds) {}

    static Summary summary(Journal journal) throws SQLException {
        Instant now = Instant.now();
        Journal.Waiting waiting = journal.waiting();
        return new Summary(
                period(journal.counts(now.minus(Duration.ofHours(1)))),
                period(journal.counts(now.minus(Duration.ofDays(1)))),
                waiting.messages(),
                waiting.oldest(),
                BuildInfo.current().toString(),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
    }

    private static Period period(List<Journal.Count> counts) {
        Map<String, long[]> by = new TreeMap<>();
        long[] all = new long[6];
        for (Journal.Count c : counts) {
            String type = (c.messageType() == null ? "?" : c.messageType())
                    + (c.triggerEvent() == null ? "" : "^" + c.triggerEvent());
            String key = type + "\u0000" + (c.sendingFacility() == null ? "" : c.sendingFacility());
            long[] n = by.computeIfAbsent(key, k -> new long[6]);
            int slot =
                    switch (c.status()) {
                        case "PROCESSED" -> 1;
                        case "ERROR" -> 2;
                        case "REJECTED" -> 3;
                        case "DUPLICATE" -> 4;
                        default -> 5;
                    };
            n[0] += c.messages();
            n[slot] += c.messages();
            all[0] += c.messages();
            all[slot] += c.messages();
        }
        List<Line> lines = new ArrayList<>();
        by.forEach((key, n) -> {
            String[] parts = key.split("\u0000", -1);
            lines.add(new Line(parts[0], parts[1], n[0], n[1], n[2], n[3], n[4], n[5]));
        });
        Line total = new Line("all", "all", all[0], all[1], all[2], all[3], all[4], all[5]);
        return new Period(lines, total, all[0] == 0 ? 0 : (double) (all[2] + all[3]) / all[0]);
    }

    /** {@code MSH,PID}: each segment's field names from HAPI (v2.5.1). */
    static Map<String, List<String>> fieldNames(String segments) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (segments == null) {
            return out;
        }
        for (String s : segments.split(",")) {
            String name = s.trim().toUpperCase(java.util.Locale.ROOT);
            if (out.size() < 60 && !name.isEmpty()) {
                out.put(name, FieldNames.of(name));
            }
        }
        return out;
    }

    /** A reference kind: its path, the field its records are addressed by, the waiting kinds it releases. */
    record KindJson(String path, String noun, String key, List<String> releases, List<FieldJson> fields) {}

    /** A field: its JSON name, the label a form shows ("Payer ID" for payerId), its checks and help. */
    record FieldJson(String name, String label, boolean required, int max, String description) {}

    static List<KindJson> referenceKinds() {
        List<KindJson> out = new ArrayList<>();
        for (ReferenceKind k : ReferenceKind.values()) {
            out.add(new KindJson(
                    k.path(),
                    k.noun(),
                    k.uniqueField() == null ? "sequenceNumber" : k.uniqueField(),
                    k.releases().stream()
                            .map(com.webptbridge.billing.WaitingKind::code)
                            .toList(),
                    k.fields().stream()
                            .map(f -> new FieldJson(f.json(), f.label(), f.required(), f.max(), f.description()))
                            .toList()));
        }
        return out;
    }

    /** An ISO instant (2024-05-01T10:00:00Z), a local date-time (2024-05-01T10:00) or a date (start of that day here). */
    static Instant instant(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(t).toInstant();
            }
            if (t.contains("T")) {
                return java.time.LocalDateTime.parse(t)
                        .atZone(ZoneId.systemDefault())
                        .toInstant();
            }
            return LocalDate.parse(t).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException(
                    400, what + " must be a date (yyyy-MM-dd), a time (2024-05-01T10:00) or an instant (…Z)");
        }
    }
}
