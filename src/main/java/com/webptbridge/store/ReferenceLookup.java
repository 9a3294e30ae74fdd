package com.webptbridge.store;

import com.webptbridge.billing.Facility;
import com.webptbridge.billing.Payer;
import com.webptbridge.billing.ProcedureCode;
import com.webptbridge.billing.Provider;
import com.webptbridge.billing.ReferringProvider;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Finds one interface's billing reference data for inbound messages. A lookup returns a record
 * whether it is active or not (each carries its flag), so the resolver can tell an analyst "exists
 * but inactive: reactivate it" apart from "missing: add it".
 */
public final class ReferenceLookup {

    private final Database db;
    private final String interfaceId;

    public ReferenceLookup(Database db, String interfaceId) {
        this.db = db;
        this.interfaceId = interfaceId;
    }

    public Optional<Payer> payer(long sequenceNumber) throws SQLException {
        return one(
                "SELECT * FROM payer WHERE interface_id = ? AND sequence_number = ?",
                sequenceNumber,
                ReferenceLookup::payer);
    }

    public Optional<Facility> facility(long sequenceNumber) throws SQLException {
        return one(
                "SELECT * FROM facility WHERE interface_id = ? AND sequence_number = ?",
                sequenceNumber,
                ReferenceLookup::facility);
    }

    public Optional<Provider> provider(long sequenceNumber) throws SQLException {
        return one(
                "SELECT * FROM provider WHERE interface_id = ? AND sequence_number = ?",
                sequenceNumber,
                ReferenceLookup::provider);
    }

    public Optional<ReferringProvider> referringByNpi(String npi) throws SQLException {
        return one(
                "SELECT * FROM referring_provider WHERE interface_id = ? AND npi = ?", npi, ReferenceLookup::referring);
    }

    public Optional<ProcedureCode> procedureCode(String code) throws SQLException {
        return one(
                "SELECT * FROM procedure_code WHERE interface_id = ? AND code = ?", code, ReferenceLookup::procedure);
    }

    private <T> Optional<T> one(String sql, Object key, Row<T> row) throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, interfaceId);
            ps.setObject(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row.map(rs)) : Optional.empty();
            }
        }
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static Payer payer(ResultSet rs) throws SQLException {
        return new Payer(
                rs.getLong("sequence_number"),
                rs.getString("name"),
                rs.getString("payer_id"),
                rs.getString("address_line1"),
                rs.getString("city"),
                rs.getString("state"),
                rs.getString("zip"),
                rs.getString("plan_type"),
                rs.getBoolean("active"));
    }

    private static Facility facility(ResultSet rs) throws SQLException {
        return new Facility(
                rs.getLong("sequence_number"),
                rs.getString("name"),
                rs.getString("npi"),
                rs.getString("address_line1"),
                rs.getString("city"),
                rs.getString("state"),
                rs.getString("zip"),
                rs.getString("place_of_service"),
                rs.getBoolean("active"));
    }

    private static Provider provider(ResultSet rs) throws SQLException {
        return new Provider(
                rs.getLong("sequence_number"),
                rs.getString("last_name"),
                rs.getString("first_name"),
                rs.getString("npi"),
                rs.getString("taxonomy"),
                rs.getBoolean("active"));
    }

    private static ReferringProvider referring(ResultSet rs) throws SQLException {
        return new ReferringProvider(
                rs.getLong("sequence_number"),
                rs.getString("last_name"),
                rs.getString("first_name"),
                rs.getString("npi"),
                rs.getBoolean("active"));
    }

    private static ProcedureCode procedure(ResultSet rs) throws SQLException {
        BigDecimal charge = rs.getBigDecimal("default_charge");
        int units = rs.getInt("default_units");
        Integer defaultUnits = rs.wasNull() ? null : units;
        return new ProcedureCode(
                rs.getLong("sequence_number"),
                rs.getString("code"),
                rs.getString("description"),
                charge,
                defaultUnits,
                rs.getString("default_revenue_code"),
                rs.getBoolean("active"));
    }
}
