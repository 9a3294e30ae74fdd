package com.webptbridge.reference;

import com.webptbridge.store.Database;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads and adds billing reference data. Lookups see only active records. */
public final class ReferenceStore {

    private final Database db;

    public ReferenceStore(Database db) {
        this.db = db;
    }

    public Optional<Payer> payer(long sequenceNumber) throws SQLException {
        return one("SELECT * FROM payer WHERE sequence_number = ? AND active = TRUE", sequenceNumber, ReferenceStore::payer);
    }

    public Optional<Facility> facility(long sequenceNumber) throws SQLException {
        return one("SELECT * FROM facility WHERE sequence_number = ? AND active = TRUE", sequenceNumber, ReferenceStore::facility);
    }

    public Optional<Provider> provider(long sequenceNumber) throws SQLException {
        return one("SELECT * FROM provider WHERE sequence_number = ? AND active = TRUE", sequenceNumber, ReferenceStore::provider);
    }

    public Optional<ReferringProvider> referringByNpi(String npi) throws SQLException {
        return one("SELECT * FROM referring_provider WHERE npi = ? AND active = TRUE", npi, ReferenceStore::referring);
    }

    public Optional<ProcedureCode> procedureCode(String code) throws SQLException {
        return one("SELECT * FROM procedure_code WHERE code = ? AND active = TRUE", code, ReferenceStore::procedure);
    }






    /**
     * Adds a record under its own sequence number unless one with that number (or that NPI/code,
     * for referring providers and procedure codes) exists. Returns whether it was added.
     */
    public boolean addIfAbsent(Object record) throws SQLException {
        try (Connection c = db.connection()) {
            if (record instanceof Payer p) {
                return absent(c, "SELECT 1 FROM payer WHERE sequence_number = ?", p.sequenceNumber())
                        && insert(c, "INSERT INTO payer (sequence_number, name, payer_id, address_line1, city, state, zip,"
                        + " plan_type, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", p.sequenceNumber(), p.name(), p.payerId(),
                        p.addressLine1(), p.city(), p.state(), p.zip(), p.planType(), p.active());
            }
            if (record instanceof Facility f) {
                return absent(c, "SELECT 1 FROM facility WHERE sequence_number = ?", f.sequenceNumber())
                        && insert(c, "INSERT INTO facility (sequence_number, name, npi, address_line1, city, state, zip,"
                        + " place_of_service, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", f.sequenceNumber(), f.name(),
                        f.npi(), f.addressLine1(), f.city(), f.state(), f.zip(), f.placeOfService(), f.active());
            }
            if (record instanceof Provider p) {
                return absent(c, "SELECT 1 FROM provider WHERE sequence_number = ?", p.sequenceNumber())
                        && insert(c, "INSERT INTO provider (sequence_number, last_name, first_name, npi, taxonomy, active)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", p.sequenceNumber(), p.lastName(), p.firstName(), p.npi(),
                        p.taxonomy(), p.active());
            }
            if (record instanceof ReferringProvider r) {
                return absent(c, "SELECT 1 FROM referring_provider WHERE sequence_number = ?", r.sequenceNumber())
                        && absent(c, "SELECT 1 FROM referring_provider WHERE npi = ?", r.npi())
                        && insert(c, "INSERT INTO referring_provider (sequence_number, last_name, first_name, npi, active)"
                        + " VALUES (?, ?, ?, ?, ?)", r.sequenceNumber(), r.lastName(), r.firstName(), r.npi(), r.active());
            }
            if (record instanceof ProcedureCode p) {
                return absent(c, "SELECT 1 FROM procedure_code WHERE sequence_number = ?", p.sequenceNumber())
                        && absent(c, "SELECT 1 FROM procedure_code WHERE code = ?", p.code())
                        && insert(c, "INSERT INTO procedure_code (sequence_number, code, description, default_charge,"
                        + " default_units, default_revenue_code, active) VALUES (?, ?, ?, ?, ?, ?, ?)", p.sequenceNumber(),
                        p.code(), p.description(), p.defaultCharge(), p.defaultUnits(), p.defaultRevenueCode(), p.active());
            }
            throw new IllegalArgumentException("Not a reference record: " + record.getClass().getSimpleName());
        }
    }

    private static boolean absent(Connection c, String sql, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return !rs.next();
            }
        }
    }

    private static boolean insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate() == 1;
        }
    }

    private <T> Optional<T> one(String sql, Object key, Row<T> row) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
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
        return new Payer(rs.getLong("sequence_number"), rs.getString("name"), rs.getString("payer_id"),
                rs.getString("address_line1"), rs.getString("city"), rs.getString("state"), rs.getString("zip"),
                rs.getString("plan_type"), rs.getBoolean("active"));
    }

    private static Facility facility(ResultSet rs) throws SQLException {
        return new Facility(rs.getLong("sequence_number"), rs.getString("name"), rs.getString("npi"),
                rs.getString("address_line1"), rs.getString("city"), rs.getString("state"), rs.getString("zip"),
                rs.getString("place_of_service"), rs.getBoolean("active"));
    }

    private static Provider provider(ResultSet rs) throws SQLException {
        return new Provider(rs.getLong("sequence_number"), rs.getString("last_name"), rs.getString("first_name"),
                rs.getString("npi"), rs.getString("taxonomy"), rs.getBoolean("active"));
    }

    private static ReferringProvider referring(ResultSet rs) throws SQLException {
        return new ReferringProvider(rs.getLong("sequence_number"), rs.getString("last_name"), rs.getString("first_name"),
                rs.getString("npi"), rs.getBoolean("active"));
    }

    private static ProcedureCode procedure(ResultSet rs) throws SQLException {
        BigDecimal charge = rs.getBigDecimal("default_charge");
        int units = rs.getInt("default_units");
        Integer defaultUnits = rs.wasNull() ? null : units;
        return new ProcedureCode(rs.getLong("sequence_number"), rs.getString("code"), rs.getString("description"),
                charge, defaultUnits, rs.getString("default_revenue_code"), rs.getBoolean("active"));
    }
}
