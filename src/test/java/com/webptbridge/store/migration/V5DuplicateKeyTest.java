package com.webptbridge.store.migration;

import com.webptbridge.hl7.InboundMessage;
import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;
import com.webptbridge.store.journal.Journal;
import com.webptbridge.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages applied before the duplicate key took content into account are still recognised when resent. */
class V5DuplicateKeyTest {

    private static final String MESSAGE =
            "MSH|^~\\&|WEBPT|CLINIC|CMD|BILLING|20261121||ADT^A08^ADT_A01|C1|P|2.5.1\rPID|1||P1^^^WEBPT^MR||A^B\r";

    @Test
    void appliedMessagesGetTheirSenderAndDigestFromTheJournal() throws SQLException {
        String url = TestDatabase.freshUrl();
        Flyway.configure()
                .dataSource(url, TestDatabase.user(), "")
                .locations("classpath:db/migration", "classpath:com/webptbridge/store/migration")
                .target("4")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), "")) {
            long journal = Sql.insert(
                    c,
                    "INSERT INTO message_journal (interface_id, received_at, size_bytes, status,"
                            + " control_id, sending_application, sending_facility, raw_message, charset)"
                            + " VALUES ('default', ?, 10, 'PROCESSED', 'C1', 'WEBPT', 'CLINIC', ?, 'UTF-8')",
                    Instant.now(),
                    MESSAGE);
            Sql.update(
                    c,
                    "INSERT INTO applied_message (interface_id, sending_facility, control_id, journal_id)"
                            + " VALUES ('default', 'CLINIC', 'C1', ?)",
                    journal);
        }

        try (Database db = Database.open(url, TestDatabase.user(), "", 2);
                Connection c = db.connection()) {
            String resentLater = MESSAGE.replace("20261121", "20261122"); // only MSH-7 differs
            String digest = InboundMessage.read(resentLater.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                    .digest();
            Journal.AppliedKey key = new Journal.AppliedKey("WEBPT", "CLINIC", "C1", digest);
            assertThat(new Journal(db, "default").findApplied(c, key)).isPresent();
        }
    }
}
