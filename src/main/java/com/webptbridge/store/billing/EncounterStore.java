package com.webptbridge.store.billing;

import com.webptbridge.billing.ChargeLine;
import com.webptbridge.billing.Coverage;
import com.webptbridge.billing.Encounter;
import com.webptbridge.billing.Placement;
import com.webptbridge.billing.Policy;
import com.webptbridge.store.RefusedWrite;
import com.webptbridge.store.Storable;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Insurance/Insured and encounters with their charges. A policy is replaced per patient and
 * priority; a charge is posted once per sending facility and FT1 transaction ID (the database's
 * unique key enforces it, across resends, reprocessing and engine instances).
 */
public final class EncounterStore {

    private final String interfaceId;
    private final boolean sandbox;

    /** The interface's live encounters; {@link #in} gives its test sandbox's. */
    public EncounterStore(String interfaceId) {
        this(interfaceId, false);
    }

    private EncounterStore(String interfaceId, boolean sandbox) {
        this.interfaceId = interfaceId;
        this.sandbox = sandbox;
    }

    /** The same interface's encounters in its test sandbox ({@code true}) or its live data. */
    public EncounterStore in(boolean sandbox) {
        return sandbox == this.sandbox ? this : new EncounterStore(interfaceId, sandbox);
    }

    /**
     * Applies an encounter's policies and new charges inside the caller's transaction.
     *
     * @return notes for the journal (charges skipped because they were already posted)
     */
    public List<String> apply(Connection c, long patientRef, Encounter e, String sendingFacility, long journalId)
            throws SQLException {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < e.policies().size(); i++) {
            try {
                replacePolicy(c, patientRef, e.policies().get(i), journalId, notes);
            } catch (SQLException refused) {
                throw RefusedWrite.of(refused, "policy", i);
            }
        }
        String facility = Storable.text(sendingFacility == null ? "" : sendingFacility, 250);
        List<ChargeLine> fresh = new ArrayList<>();
        List<Integer> freshIndexes = new ArrayList<>(); // each fresh charge's place among the encounter's
        List<String> skipped = new ArrayList<>();
        java.util.Set<String> posted = posted(c, facility, e.charges());
        for (ChargeLine charge : e.charges()) {
            if (posted.contains(charge.transactionId())) {
                skipped.add(charge.transactionId());
            } else {
                freshIndexes.add(fresh.size() + skipped.size());
                fresh.add(charge);
            }
        }
        if (!skipped.isEmpty()) {
            notes.add(skipped.size() + " charge(s) already posted, not posted again: transaction ID(s) "
                    + String.join(", ", skipped));
        }
        if (fresh.isEmpty()) {
            return notes;
        }
        long encounterId;
        try {
            encounterId = encounter(c, patientRef, e, journalId);
        } catch (SQLException refused) {
            throw RefusedWrite.of(refused, "encounter", -1);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO charge (encounter_id, sending_facility,"
                + " transaction_id, service_date, procedure_code, modifiers, units, amount, revenue_code,"
                + " diagnosis_pointers, interface_id, sandbox, posted_at, journal_id, rendering_sequence,"
                + " facility_sequence, payer_sequence)"
                // the payer the charge is posted under: the primary policy, replaced above when the DFT sent one
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " (SELECT payer_sequence FROM insurance_policy WHERE patient_ref = ? AND priority = 1))")) {
            OffsetDateTime postedAt = OffsetDateTime.now(ZoneOffset.UTC);
            for (ChargeLine charge : fresh) {
                ps.setLong(1, encounterId);
                ps.setString(2, facility);
                ps.setString(3, charge.transactionId());
                ps.setDate(4, Date.valueOf(charge.serviceDate()));
                ps.setString(5, charge.procedureCode());
                ps.setString(6, charge.modifiers().isEmpty() ? null : String.join(",", charge.modifiers()));
                ps.setBigDecimal(7, charge.units());
                ps.setBigDecimal(8, charge.amount());
                ps.setString(9, charge.revenueCode());
                ps.setString(
                        10,
                        charge.diagnosisPointers().isEmpty()
                                ? null
                                : charge.diagnosisPointers().stream()
                                        .map(String::valueOf)
                                        .collect(Collectors.joining(",")));
                ps.setString(11, interfaceId);
                ps.setBoolean(12, sandbox);
                ps.setObject(13, postedAt);
                ps.setLong(14, journalId);
                ps.setLong(15, e.placement().renderingProvider());
                ps.setLong(16, e.placement().facility());
                ps.setLong(17, patientRef);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException refused) {
            throw RefusedWrite.ofBatch(
                    refused,
                    "charge",
                    freshIndexes.stream().mapToInt(Integer::intValue).toArray());
        }
        return notes;
    }

    /**
     * Which of the charges' transaction IDs are already posted from this facility: one statement, a
     * UNION ALL of point lookups (H2 would use only the index's prefix for an IN list and scan every
     * charge of the facility).
     */
    private java.util.Set<String> posted(Connection c, String sendingFacility, List<ChargeLine> charges)
            throws SQLException {
        java.util.Set<String> out = new java.util.HashSet<>();
        List<String> ids = charges.stream()
                .map(ChargeLine::transactionId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        String one = "SELECT transaction_id FROM charge WHERE interface_id = ? AND sandbox = ? AND sending_facility = ?"
                + " AND transaction_id = ?";
        for (int from = 0; from < ids.size(); from += 100) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + 100));
            try (PreparedStatement ps =
                    c.prepareStatement(String.join(" UNION ALL ", java.util.Collections.nCopies(part.size(), one)))) {
                int i = 1;
                for (String id : part) {
                    ps.setString(i++, interfaceId);
                    ps.setBoolean(i++, sandbox);
                    ps.setString(i++, sendingFacility);
                    ps.setString(i++, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    /** The patient's encounter for this visit number, or a new one (with the message's diagnoses). */
    private long encounter(Connection c, long patientRef, Encounter e, long journalId) throws SQLException {
        if (e.visitNumber() != null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM encounter WHERE patient_ref = ? AND visit_number = ? ORDER BY id")) {
                ps.setLong(1, patientRef);
                ps.setString(2, e.visitNumber());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
        }
        Placement placement = e.placement();
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO encounter (patient_ref, visit_number, service_date,"
                        + " facility_sequence, rendering_sequence, referring_sequence, place_of_service, journal_id, created_at,"
                        + " interface_id, sandbox) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            ps.setLong(1, patientRef);
            ps.setString(2, e.visitNumber());
            ps.setDate(3, Date.valueOf(e.serviceDate()));
            ps.setLong(4, placement.facility());
            ps.setLong(5, placement.renderingProvider());
            ps.setObject(6, placement.referringProvider());
            ps.setString(7, placement.placeOfService());
            ps.setLong(8, journalId);
            ps.setObject(9, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(10, interfaceId);
            ps.setBoolean(11, sandbox);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO encounter_diagnosis (encounter_id, position, code) VALUES (?, ?, ?)")) {
            int position = 1;
            for (String code : e.diagnoses()) {
                ps.setLong(1, id);
                ps.setInt(2, position++);
                ps.setString(3, code);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    /** Replaces the policy at this priority, unless a message that arrived later already set it. */
    private void replacePolicy(Connection c, long patientRef, Policy p, long journalId, List<String> notes)
            throws SQLException {
        Long existing = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, journal_id FROM insurance_policy WHERE patient_ref = ? AND priority = ? FOR UPDATE")) {
            ps.setLong(1, patientRef);
            ps.setInt(2, p.priority());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    existing = rs.getLong(1);
                    long setBy = rs.getLong(2);
                    if (setBy > journalId) {
                        notes.add("Policy at priority " + p.priority() + " not changed: journal entry " + setBy
                                + ", which arrived later, already set it.");
                        return;
                    }
                }
            }
        }
        String columns = "payer_sequence = ?, member_id = ?, group_number = ?, group_name = ?, effective_date = ?,"
                + " expiration_date = ?, insured_last_name = ?, insured_first_name = ?, insured_relationship = ?,"
                + " insured_date_of_birth = ?, insured_sex = ?, insured_address_line1 = ?, insured_address_line2 = ?,"
                + " insured_city = ?, insured_state = ?, insured_zip = ?, journal_id = ?, updated_at = ?";
        String sql = existing != null
                ? "UPDATE insurance_policy SET " + columns + " WHERE id = ?"
                : "INSERT INTO insurance_policy (payer_sequence, member_id, group_number, group_name, effective_date,"
                        + " expiration_date, insured_last_name, insured_first_name, insured_relationship, insured_date_of_birth,"
                        + " insured_sex, insured_address_line1, insured_address_line2, insured_city, insured_state, insured_zip,"
                        + " journal_id, updated_at, patient_ref, priority, interface_id, sandbox)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Coverage v = p.coverage();
            ps.setLong(1, p.payerSequence());
            ps.setString(2, v.memberId());
            ps.setString(3, v.groupNumber());
            ps.setString(4, v.groupName());
            ps.setDate(5, date(v.effectiveDate()));
            ps.setDate(6, date(v.expirationDate()));
            ps.setString(7, v.insuredLastName());
            ps.setString(8, v.insuredFirstName());
            ps.setString(9, v.relationship());
            ps.setDate(10, date(v.insuredDateOfBirth()));
            ps.setString(11, v.insuredSex());
            ps.setString(12, v.insuredAddressLine1());
            ps.setString(13, v.insuredAddressLine2());
            ps.setString(14, v.insuredCity());
            ps.setString(15, v.insuredState());
            ps.setString(16, v.insuredZip());
            ps.setLong(17, journalId);
            ps.setObject(18, OffsetDateTime.now(ZoneOffset.UTC));
            if (existing != null) {
                ps.setLong(19, existing);
            } else {
                ps.setLong(19, patientRef);
                ps.setInt(20, p.priority());
                ps.setString(21, interfaceId);
                ps.setBoolean(22, sandbox);
            }
            ps.executeUpdate();
        }
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
