package com.webptbridge.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A billing patient's insurance policies and encounters with charges, as the API shows them. */
public final class PatientAccount {

    private final Database db;

    public PatientAccount(Database db) {
        this.db = db;
    }

    public record PolicyView(int priority, long payerSequence, String payerName, String memberId, String groupNumber,
                             String groupName, LocalDate effectiveDate, LocalDate expirationDate, String insuredLastName,
                             String insuredFirstName, String relationship, LocalDate insuredDateOfBirth, String insuredSex,
                             String addressLine1, String addressLine2, String city, String state, String zip) {
    }

    public record ChargeView(String transactionId, LocalDate serviceDate, String procedureCode, List<String> modifiers,
                             BigDecimal units, BigDecimal amount, String revenueCode, List<Integer> diagnosisPointers) {
    }

    public record EncounterView(long id, String visitNumber, LocalDate serviceDate, long facilitySequence,
                                String facilityName, long renderingSequence, String renderingNpi, String referringNpi,
                                String referringName, String placeOfService, List<String> diagnoses,
                                List<ChargeView> charges) {
    }

    public List<PolicyView> policies(long patientRef) throws SQLException {
        String sql = "SELECT p.*, y.name AS payer_name FROM insurance_policy p JOIN payer y"
                + " ON y.sequence_number = p.payer_sequence WHERE p.patient_ref = ? ORDER BY p.priority";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, patientRef);
            List<PolicyView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PolicyView(rs.getInt("priority"), rs.getLong("payer_sequence"), rs.getString("payer_name"),
                            rs.getString("member_id"), rs.getString("group_number"), rs.getString("group_name"),
                            rs.getObject("effective_date", LocalDate.class), rs.getObject("expiration_date", LocalDate.class),
                            rs.getString("insured_last_name"), rs.getString("insured_first_name"),
                            rs.getString("insured_relationship"), rs.getObject("insured_date_of_birth", LocalDate.class),
                            rs.getString("insured_sex"), rs.getString("insured_address_line1"),
                            rs.getString("insured_address_line2"), rs.getString("insured_city"),
                            rs.getString("insured_state"), rs.getString("insured_zip")));
                }
            }
            return out;
        }
    }

    public List<EncounterView> encounters(long patientRef) throws SQLException {
        String sql = "SELECT e.*, f.name AS facility_name, p.npi AS rendering_npi, r.npi AS referring_npi,"
                + " r.last_name AS referring_last, r.first_name AS referring_first FROM encounter e"
                + " JOIN facility f ON f.sequence_number = e.facility_sequence"
                + " JOIN provider p ON p.sequence_number = e.rendering_sequence"
                + " LEFT JOIN referring_provider r ON r.sequence_number = e.referring_sequence"
                + " WHERE e.patient_ref = ? ORDER BY e.id";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, patientRef);
            List<EncounterView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    String referringName = rs.getString("referring_last") == null ? null
                            : rs.getString("referring_last") + ", " + rs.getString("referring_first");
                    long referring = rs.getLong("referring_sequence");
                    out.add(new EncounterView(id, rs.getString("visit_number"), rs.getObject("service_date", LocalDate.class),
                            rs.getLong("facility_sequence"), rs.getString("facility_name"), rs.getLong("rendering_sequence"),
                            rs.getString("rendering_npi"), rs.getString("referring_npi"), referringName,
                            rs.getString("place_of_service"), diagnoses(c, id), charges(c, id)));
                }
            }
            return out;
        }
    }

    private static List<String> diagnoses(Connection c, long encounterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code FROM encounter_diagnosis WHERE encounter_id = ? ORDER BY position")) {
            ps.setLong(1, encounterId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static List<ChargeView> charges(Connection c, long encounterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM charge WHERE encounter_id = ? ORDER BY id")) {
            ps.setLong(1, encounterId);
            List<ChargeView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ChargeView(rs.getString("transaction_id"), rs.getObject("service_date", LocalDate.class),
                            rs.getString("procedure_code"), split(rs.getString("modifiers")),
                            rs.getBigDecimal("units").stripTrailingZeros(), rs.getBigDecimal("amount"),
                            rs.getString("revenue_code"),
                            split(rs.getString("diagnosis_pointers")).stream().map(Integer::valueOf).toList()));
                }
            }
            return out;
        }
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
