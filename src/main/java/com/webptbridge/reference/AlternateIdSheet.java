package com.webptbridge.reference;

import com.webptbridge.billing.ReferenceKind;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The list WebPT's staff type the Alternate IDs from: per reference kind, each active record's name,
 * its Sequence Number (the Alternate ID to enter in WebPT) and its NPI where it has one. Facilities
 * come first, in their own section, because WebPT takes them over the phone. With {@code since},
 * only the records changed after it (the ongoing maintenance), as the audit trail records changes.
 *
 * @param since the instant changes are listed from, or null for every active record
 */
public record AlternateIdSheet(String interfaceId, Instant generatedAt, Instant since, List<Section> sections) {

    /** One kind's records, with what WebPT's staff do with them. */
    public record Section(String kind, String title, String instruction, boolean byPhone, List<Line> lines) {}

    /** One record: its name, its Sequence Number (the Alternate ID), its NPI or null. */
    public record Line(String name, long sequenceNumber, String npi) {}

    /** The kinds in sheet order: facilities first, read to WebPT over the phone. */
    private static final List<ReferenceKind> ORDER = List.of(
            ReferenceKind.FACILITY,
            ReferenceKind.PAYER,
            ReferenceKind.PROVIDER,
            ReferenceKind.REFERRING_PROVIDER,
            ReferenceKind.PROCEDURE_CODE);

    public static AlternateIdSheet of(String interfaceId, ReferenceMaintenance references, Instant since)
            throws SQLException {
        List<Section> sections = new ArrayList<>();
        for (ReferenceKind kind : ORDER) {
            Set<String> changed = since == null
                    ? null
                    : references.changedSince(kind, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            List<Line> lines = new ArrayList<>();
            for (Map<String, Object> r : references.list(kind, null)) {
                String key = String.valueOf(r.get(kind.addressedByCode() ? "code" : "sequenceNumber"));
                if (!Boolean.TRUE.equals(r.get("active")) || (changed != null && !changed.contains(key))) {
                    continue;
                }
                Object npi = r.get("npi");
                lines.add(new Line(
                        ImportPreview.name(kind, r),
                        ((Number) r.get("sequenceNumber")).longValue(),
                        npi == null ? null : String.valueOf(npi)));
            }
            sections.add(
                    new Section(kind.path(), title(kind), instruction(kind), kind == ReferenceKind.FACILITY, lines));
        }
        return new AlternateIdSheet(interfaceId, Instant.now(), since, List.copyOf(sections));
    }

    private static String title(ReferenceKind kind) {
        return switch (kind) {
            case FACILITY -> "Facilities (read these to WebPT over the phone)";
            case PAYER -> "Payers";
            case PROVIDER -> "Rendering providers";
            case REFERRING_PROVIDER -> "Referring providers";
            case PROCEDURE_CODE -> "Procedure codes";
        };
    }

    private static String instruction(ReferenceKind kind) {
        return switch (kind) {
            case FACILITY -> "WebPT enters each facility's Alternate ID for you: read them the number beside each"
                    + " facility.";
            case PAYER -> "Enter the number in the payer's Alternate ID field in WebPT.";
            case PROVIDER -> "Enter the number in the provider's Alternate ID field in WebPT; the provider's NPI in"
                    + " WebPT must be the one shown.";
            case REFERRING_PROVIDER -> "Matched by NPI: WebPT must send the NPI shown; the number is for reference.";
            case PROCEDURE_CODE -> "Matched by code: WebPT sends the CPT/HCPCS code; the number is for reference.";
        };
    }
}
