package com.webptbridge.store.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An interface per client practice: every record belongs to one interface, and what was unique
 * (a Sequence Number, a WebPT patient ID, a control ID, an FT1 transaction ID) is unique within its
 * interface only. Existing data moves to interface {@code default}, nothing lost.
 *
 * <p>Java rather than SQL because the keys to replace were created without names, and H2 and
 * PostgreSQL named them differently: they are found through the JDBC metadata and the standard
 * information schema, then dropped and recreated with names of our own.
 */
public final class V4__Interfaces extends BaseJavaMigration {

    private static final String[] REFERENCE_TABLES = {
        "payer", "facility", "provider", "referring_provider", "procedure_code"
    };
    private static final String[] SCOPED_TABLES = {
        "applied_message",
        "patient",
        "payer",
        "facility",
        "provider",
        "referring_provider",
        "procedure_code",
        "insurance_policy",
        "encounter",
        "charge",
        "reference_audit"
    };

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            // The journal also holds messages that matched no interface: there it stays empty.
            s.execute("ALTER TABLE message_journal ADD COLUMN interface_id VARCHAR(40)");
            s.execute("UPDATE message_journal SET interface_id = 'default'");
            for (String table : SCOPED_TABLES) {
                s.execute("ALTER TABLE " + table + " ADD COLUMN interface_id VARCHAR(40) DEFAULT 'default' NOT NULL");
            }
            // Foreign keys into the reference tables, then the keys they point at.
            for (String table : REFERENCE_TABLES) {
                for (String[] fk : foreignKeysInto(c, table)) {
                    s.execute("ALTER TABLE " + fk[0] + " DROP CONSTRAINT " + fk[1]);
                }
            }
            for (String table : REFERENCE_TABLES) {
                s.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + primaryKey(c, table));
                s.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_key PRIMARY KEY (interface_id,"
                        + " sequence_number)");
            }
            s.execute("ALTER TABLE applied_message DROP CONSTRAINT " + primaryKey(c, "applied_message"));
            s.execute("ALTER TABLE applied_message ADD CONSTRAINT applied_message_key PRIMARY KEY (interface_id,"
                    + " sending_facility, control_id)");
            for (String table : new String[] {"patient", "referring_provider", "procedure_code", "charge"}) {
                for (String unique : uniqueConstraints(c, table)) {
                    s.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + unique);
                }
            }
            s.execute("ALTER TABLE patient ADD CONSTRAINT patient_unique_id UNIQUE (interface_id, patient_id)");
            s.execute("ALTER TABLE referring_provider ADD CONSTRAINT referring_provider_unique_npi"
                    + " UNIQUE (interface_id, npi)");
            s.execute(
                    "ALTER TABLE procedure_code ADD CONSTRAINT procedure_code_unique_code UNIQUE (interface_id, code)");
            s.execute("ALTER TABLE charge ADD CONSTRAINT charge_posted_once UNIQUE (interface_id, sending_facility,"
                    + " transaction_id)");
            s.execute("ALTER TABLE insurance_policy ADD CONSTRAINT insurance_policy_payer FOREIGN KEY (interface_id,"
                    + " payer_sequence) REFERENCES payer (interface_id, sequence_number)");
            s.execute("ALTER TABLE encounter ADD CONSTRAINT encounter_facility FOREIGN KEY (interface_id,"
                    + " facility_sequence) REFERENCES facility (interface_id, sequence_number)");
            s.execute("ALTER TABLE encounter ADD CONSTRAINT encounter_rendering FOREIGN KEY (interface_id,"
                    + " rendering_sequence) REFERENCES provider (interface_id, sequence_number)");
            s.execute("ALTER TABLE encounter ADD CONSTRAINT encounter_referring FOREIGN KEY (interface_id,"
                    + " referring_sequence) REFERENCES referring_provider (interface_id, sequence_number)");
            s.execute("CREATE INDEX message_journal_interface ON message_journal (interface_id, status, id)");
            // The default only moved existing rows: from now on every write names its interface.
            for (String table : SCOPED_TABLES) {
                s.execute("ALTER TABLE " + table + " ALTER COLUMN interface_id DROP DEFAULT");
            }
        }
    }

    /** Each foreign key that points at {@code table}: its table and name. */
    private static List<String[]> foreignKeysInto(Connection c, String table) throws SQLException {
        List<String[]> out = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getExportedKeys(c.getCatalog(), c.getSchema(), stored(meta, table))) {
            while (rs.next()) {
                String[] fk = {rs.getString("FKTABLE_NAME"), rs.getString("FK_NAME")};
                if (out.stream().noneMatch(f -> f[1].equals(fk[1]))) { // one row per column of a composite key
                    out.add(fk);
                }
            }
        }
        return out;
    }

    private static String primaryKey(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getPrimaryKeys(c.getCatalog(), c.getSchema(), stored(meta, table))) {
            if (!rs.next()) {
                throw new IllegalStateException("Table " + table + " has no primary key to replace");
            }
            return rs.getString("PK_NAME");
        }
    }

    private static List<String> uniqueConstraints(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT constraint_name FROM information_schema.table_constraints"
                        + " WHERE table_schema = ? AND table_name = ? AND constraint_type = 'UNIQUE'")) {
            ps.setString(1, c.getSchema());
            ps.setString(2, stored(c.getMetaData(), table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** A table name as the database stores it: H2 in upper case, PostgreSQL in lower case. */
    private static String stored(DatabaseMetaData meta, String name) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }
}
