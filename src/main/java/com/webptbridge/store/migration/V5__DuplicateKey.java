package com.webptbridge.store.migration;

import com.webptbridge.hl7.InboundMessage;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The duplicate key becomes the sender (MSH-3 + MSH-4), the control ID (MSH-10) AND the message's
 * content (a digest of it without MSH-7): a sender that reuses a control ID for a different message
 * no longer has the second one taken for a resend of the first. Applied messages already recorded
 * get their application and digest from the journal, so a resend of one of them is still
 * recognised after the upgrade. (The digest is HL7's, so this one migration reads HL7 text.)
 */
public final class V5__DuplicateKey extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE applied_message ADD COLUMN sending_application VARCHAR(250) DEFAULT '' NOT NULL");
            s.execute("ALTER TABLE applied_message ADD COLUMN content_digest VARCHAR(64) DEFAULT '' NOT NULL");
        }
        record Applied(long journalId, String application, String raw, String charset) {}
        List<Applied> applied = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT a.journal_id, j.sending_application, j.raw_message, j.charset"
                        + " FROM applied_message a JOIN message_journal j ON j.id = a.journal_id")) {
            while (rs.next()) {
                applied.add(new Applied(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE applied_message SET sending_application = ?, content_digest = ? WHERE journal_id = ?")) {
            for (Applied a : applied) {
                Charset charset = a.charset() == null ? Charset.forName("UTF-8") : Charset.forName(a.charset());
                String digest = a.raw() == null
                        ? ""
                        : InboundMessage.read(a.raw().getBytes(charset), charset)
                                .digest();
                ps.setString(1, a.application() == null ? "" : a.application());
                ps.setString(2, digest);
                ps.setLong(3, a.journalId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        DatabaseMetaData meta = c.getMetaData();
        String table = meta.storesUpperCaseIdentifiers() ? "APPLIED_MESSAGE" : "applied_message";
        String primaryKey;
        try (ResultSet rs = meta.getPrimaryKeys(c.getCatalog(), c.getSchema(), table)) {
            rs.next();
            primaryKey = rs.getString("PK_NAME");
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE applied_message DROP CONSTRAINT " + primaryKey);
            s.execute("ALTER TABLE applied_message ADD CONSTRAINT applied_message_key_v5 PRIMARY KEY (interface_id,"
                    + " sending_application, sending_facility, control_id, content_digest)");
            s.execute("CREATE INDEX applied_message_control ON applied_message (interface_id, sending_facility,"
                    + " control_id)");
            s.execute("ALTER TABLE applied_message ALTER COLUMN sending_application DROP DEFAULT");
            s.execute("ALTER TABLE applied_message ALTER COLUMN content_digest DROP DEFAULT");
        }
    }
}
