package com.webptbridge.store.billing;

import com.webptbridge.billing.ChargeLine;
import com.webptbridge.billing.Coverage;
import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A billing patient's insurance policies and encounters with charges, as the API shows them. The
 * views reuse the billing records ({@link Coverage}, {@link ChargeLine}) for what a policy says and
 * what a charge is, and add only what the read joins in (payer, facility and provider names).
 */
public final class PatientAccount {

    private final Database db;

    public PatientAccount(Database db) {
        this.db = db;
    }

    /** A policy as the API shows it: its priority and payer, and what it says besides (member, dates, insured). */
    public record PolicyView(int priority, long payerSequence, String payerName, Coverage coverage) {}

    public record EncounterView(
            long id,
            String visitNumber,
            LocalDate serviceDate,
            long facilitySequence,
            String facilityName,
            long renderingSequence,
            String renderingNpi,
            String referringNpi,
            String referringName,
            String placeOfService,
            List<String> diagnoses,
            List<ChargeLine> charges) {}

    public List<PolicyView> policies(long patientRef) throws SQLException {
        String sql = "SELECT p.*, y.name AS payer_name FROM insurance_policy p JOIN payer y"
                + " ON y.interface_id = p.interface_id AND y.sequence_number = p.payer_sequence WHERE p.patient_ref = ?"
                + " ORDER BY p.priority";
        try (Connection c = db.connection()) {
            return Sql.list(
                    c,
                    sql,
                    rs -> new PolicyView(
                            rs.getInt("priority"),
                            rs.getLong("payer_sequence"),
                            rs.getString("payer_name"),
                            new Coverage(
                                    rs.getString("member_id"),
                                    rs.getString("group_number"),
                                    rs.getString("group_name"),
                                    rs.getObject("effective_date", LocalDate.class),
                                    rs.getObject("expiration_date", LocalDate.class),
                                    rs.getString("insured_last_name"),
                                    rs.getString("insured_first_name"),
                                    rs.getString("insured_relationship"),
                                    rs.getObject("insured_date_of_birth", LocalDate.class),
                                    rs.getString("insured_sex"),
                                    rs.getString("insured_address_line1"),
                                    rs.getString("insured_address_line2"),
                                    rs.getString("insured_city"),
                                    rs.getString("insured_state"),
                                    rs.getString("insured_zip"))),
                    patientRef);
        }
    }

    /**
     * The patient's encounters, oldest first, each with its diagnoses and charges: three queries
     * whatever the number of encounters.
     */
    public List<EncounterView> encounters(long patientRef) throws SQLException {
        String sql = "SELECT e.*, f.name AS facility_name, p.npi AS rendering_npi, r.npi AS referring_npi,"
                + " r.last_name AS referring_last, r.first_name AS referring_first FROM encounter e"
                + " JOIN facility f ON f.interface_id = e.interface_id AND f.sequence_number = e.facility_sequence"
                + " JOIN provider p ON p.interface_id = e.interface_id AND p.sequence_number = e.rendering_sequence"
                + " LEFT JOIN referring_provider r ON r.interface_id = e.interface_id"
                + " AND r.sequence_number = e.referring_sequence"
                + " WHERE e.patient_ref = ? ORDER BY e.id";
        try (Connection c = db.connection()) {
            // Encounters first, as before: rows of an encounter committed after this read are left unused.
            List<EncounterView> encounters = Sql.list(c, sql, PatientAccount::encounter, patientRef);
            Map<Long, List<String>> diagnoses = new HashMap<>();
            for (Keyed<String> d : Sql.list(
                    c,
                    "SELECT d.encounter_id, d.code FROM encounter_diagnosis d"
                            + " JOIN encounter e ON e.id = d.encounter_id WHERE e.patient_ref = ? ORDER BY d.encounter_id, d.position",
                    rs -> new Keyed<>(rs.getLong(1), rs.getString(2)),
                    patientRef)) {
                diagnoses
                        .computeIfAbsent(d.encounterId(), k -> new ArrayList<>())
                        .add(d.value());
            }
            Map<Long, List<ChargeLine>> charges = new HashMap<>();
            for (Keyed<ChargeLine> ch : Sql.list(
                    c,
                    "SELECT ch.* FROM charge ch JOIN encounter e ON e.id = ch.encounter_id"
                            + " WHERE e.patient_ref = ? ORDER BY ch.encounter_id, ch.id",
                    rs -> new Keyed<>(rs.getLong("encounter_id"), charge(rs)),
                    patientRef)) {
                charges.computeIfAbsent(ch.encounterId(), k -> new ArrayList<>())
                        .add(ch.value());
            }
            List<EncounterView> out = new ArrayList<>(encounters.size());
            for (EncounterView e : encounters) {
                out.add(new EncounterView(
                        e.id(),
                        e.visitNumber(),
                        e.serviceDate(),
                        e.facilitySequence(),
                        e.facilityName(),
                        e.renderingSequence(),
                        e.renderingNpi(),
                        e.referringNpi(),
                        e.referringName(),
                        e.placeOfService(),
                        diagnoses.getOrDefault(e.id(), new ArrayList<>()),
                        charges.getOrDefault(e.id(), new ArrayList<>())));
            }
            return out;
        }
    }

    /** A row that belongs to one encounter. */
    private record Keyed<T>(long encounterId, T value) {}

    /** An encounter row without its diagnoses and charges. */
    private static EncounterView encounter(ResultSet rs) throws SQLException {
        String referringName = rs.getString("referring_last") == null
                ? null
                : rs.getString("referring_last") + ", " + rs.getString("referring_first");
        return new EncounterView(
                rs.getLong("id"),
                rs.getString("visit_number"),
                rs.getObject("service_date", LocalDate.class),
                rs.getLong("facility_sequence"),
                rs.getString("facility_name"),
                rs.getLong("rendering_sequence"),
                rs.getString("rendering_npi"),
                rs.getString("referring_npi"),
                referringName,
                rs.getString("place_of_service"),
                List.of(),
                List.of());
    }

    private static ChargeLine charge(ResultSet rs) throws SQLException {
        return new ChargeLine(
                rs.getString("transaction_id"),
                rs.getObject("service_date", LocalDate.class),
                rs.getString("procedure_code"),
                split(rs.getString("modifiers")),
                rs.getBigDecimal("units").stripTrailingZeros(),
                rs.getBigDecimal("amount"),
                rs.getString("revenue_code"),
                split(rs.getString("diagnosis_pointers")).stream()
                        .map(Integer::valueOf)
                        .toList());
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
