package com.webptbridge.files;

import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.store.Sql;
import com.webptbridge.store.journal.MessageStatus;
import com.webptbridge.support.SeededDft;
import com.webptbridge.support.TestEngine;
import com.webptbridge.support.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 7 of issue 19: an interface's watch folder (inbound.files). A file of messages is
 * processed through the interface's flow and moved to done/ with its .ack; a file still being
 * written (in place, or as .tmp) is not read until complete; a file that is not HL7 goes to error/
 * with its reason; the same file dropped again is answered from the journal, nothing posted twice.
 */
class FileDropIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Path inbox;
    private static TestEngine engine;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createTempDirectory("bridge-file-drop");
        inbox = root.resolve("inbox");
        engine = TestEngine.start(
                Map.of("bridge.interfaces.dir", interfaceFiles(root, inbox).toString()));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** Writes an interface file "drops" that reads {@code folder}, in a folder of its own. */
    private static Path interfaceFiles(Path root, Path folder) throws Exception {
        Path interfaces = Files.createDirectories(root.resolve("interfaces"));
        Files.writeString(
                interfaces.resolve("drops.yaml"),
                "id: drops\nname: File drops\nmllp:\n  port: " + TestEngine.freePort() + "\nreference: "
                        + Path.of("conf/reference").toAbsolutePath() + "\ninbound:\n  files: " + folder + "\n");
        return interfaces;
    }

    private static RunningInterface face() {
        return engine.engine().interfaces().find("drops").orElseThrow();
    }

    private static String dft(String control, String patient) {
        return SeededDft.builder("DROP", control, patient, SeededDft.Charge.of("97110"))
                .text();
    }

    private static long charges(String transactionPrefix) throws Exception {
        try (Connection c = engine.engine().database().connection()) {
            return Sql.one(
                            c,
                            "SELECT COUNT(*) FROM charge WHERE interface_id = 'drops' AND transaction_id LIKE '"
                                    + transactionPrefix + "%'",
                            rs -> rs.getLong(1))
                    .orElse(0L);
        }
    }

    private static int count(String text, String what) {
        return (int)
                Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }

    @Test
    void aFileOfThreeMessagesIsProcessedAndMovedToDoneWithItsAcks() throws Exception {
        Files.writeString(inbox.resolve("three.hl7"), dft("T3-1", "T3P1") + dft("T3-2", "T3P2") + dft("T3-3", "T3P3"));

        Path ack = inbox.resolve("done/three.hl7.ack");
        Wait.until(
                "three.hl7 is in done/ with its .ack",
                WAIT,
                () -> Files.exists(ack) && Files.exists(inbox.resolve("done/three.hl7")));
        String acks = Files.readString(ack);
        assertThat(count(acks, "MSA|AA|")).isEqualTo(3);
        assertThat(acks).contains("MSA|AA|T3-1", "MSA|AA|T3-2", "MSA|AA|T3-3");
        assertThat(charges("T3P")).isEqualTo(3);
        assertThat(Files.exists(inbox.resolve("three.hl7"))).isFalse();
    }

    @Test
    void aBatchFileIsAnsweredWithABatchAck() throws Exception {
        String batch = "FHS|^~\\&|WEBPT|CLINIC|CMD|BILLING|20261121||||F-77\nBHS|^~\\&|WEBPT|CLINIC|CMD|BILLING"
                + "|20261121||||B-77\n" + dft("B2-1", "B2P1").replace('\r', '\n')
                + dft("B2-2", "B2P2").replace('\r', '\n') + "BTS|2\nFTS|1\n";
        Files.writeString(inbox.resolve("batch.hl7"), batch);

        Path ack = inbox.resolve("done/batch.hl7.ack");
        Wait.until("batch.hl7 is answered", WAIT, () -> Files.exists(ack));
        String acks = Files.readString(ack);
        assertThat(acks).startsWith("FHS|^~\\&|CMD|BILLING|WEBPT|CLINIC|").contains("|F-77\r\nBHS|");
        assertThat(acks).contains("|B-77\r\n").contains("BTS|2\r\nFTS|1");
        assertThat(count(acks, "MSA|AA|")).isEqualTo(2);
    }

    @Test
    void aFileStillBeingWrittenIsNotReadUntilItIsComplete() throws Exception {
        String message = dft("SLOW-1", "SLOWP1");
        long before = face().journal().count();
        Path growing = inbox.resolve("growing.hl7");
        int half = message.length() / 2;
        Files.writeString(growing, message.substring(0, half));
        // Grows a little every 300 ms for 3 s, longer than the read lock's check interval (1 s).
        for (int i = 0; i < 10; i++) {
            Thread.sleep(300);
            assertThat(face().journal().count())
                    .as("nothing read while the file grows")
                    .isEqualTo(before);
            Files.writeString(growing, message.substring(half + i, half + i + 1), StandardOpenOption.APPEND);
        }
        Files.writeString(growing, message.substring(half + 10), StandardOpenOption.APPEND);

        // Written as .tmp and renamed when complete: not read as .tmp.
        Path tmp = inbox.resolve("renamed.hl7.tmp");
        Files.writeString(tmp, dft("TMP-1", "TMPP1"));
        Wait.until("growing.hl7 is answered", WAIT, () -> Files.exists(inbox.resolve("done/growing.hl7.ack")));
        assertThat(Files.readString(inbox.resolve("done/growing.hl7.ack"))).contains("MSA|AA|SLOW-1");
        assertThat(face().journal().count()).isEqualTo(before + 1);
        assertThat(tmp).exists();
        Files.move(tmp, inbox.resolve("renamed.hl7"));
        Wait.until("renamed.hl7 is answered", WAIT, () -> Files.exists(inbox.resolve("done/renamed.hl7.ack")));
        assertThat(charges("SLOWP1")).isEqualTo(1);
        assertThat(charges("TMPP1")).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotHl7GoesToErrorWithItsReason() throws Exception {
        Files.writeString(inbox.resolve("junk.txt"), "Dear billing team,\nplease find the charges attached.\n");

        Wait.until("junk.txt is in error/", WAIT, () -> Files.exists(inbox.resolve("error/junk.txt")));
        assertThat(Files.readString(inbox.resolve("error/junk.txt.error.txt")))
                .contains("junk.txt")
                .contains("not HL7");
        assertThat(inbox.resolve("done/junk.txt.ack")).doesNotExist();
    }

    @Test
    void theSameFileDroppedAgainIsAnsweredFromTheJournalNotAppliedTwice() throws Exception {
        String content = dft("AGAIN-1", "AGAINP1");
        Path file = inbox.resolve("again.hl7");
        Files.writeString(file, content);
        Path ack = inbox.resolve("done/again.hl7.ack");
        Wait.until("again.hl7 is answered", WAIT, () -> Files.exists(ack));
        String first = Files.readString(ack);
        assertThat(first).contains("MSA|AA|AGAIN-1");
        Files.delete(ack);

        Files.write(inbox.resolve("again.hl7.tmp"), content.getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(
                inbox.resolve("again.hl7.tmp"), FileTime.from(Instant.now().plusSeconds(5)));
        Files.move(inbox.resolve("again.hl7.tmp"), file);
        Wait.until("again.hl7 is answered a second time", WAIT, () -> Files.exists(ack));
        assertThat(Files.readString(ack)).contains("MSA|AA|AGAIN-1");
        assertThat(charges("AGAINP1")).isEqualTo(1);
        assertThat(face().journal().list(MessageStatus.DUPLICATE, null, "AGAINP1", 10))
                .hasSize(1);
    }

    @Test
    void aFileReadBeforeARestartIsNotReadAgainAfterIt() throws Exception {
        Path root = Files.createTempDirectory("bridge-file-drop-restart");
        Path folder = root.resolve("inbox");
        Map<String, String> settings = Map.of(
                "bridge.interfaces.dir",
                interfaceFiles(root, folder).toString(),
                "bridge.db.url",
                com.webptbridge.support.TestDatabase.freshUrl());
        try (TestEngine first = TestEngine.start(settings)) {
            Files.writeString(folder.resolve("seen.hl7"), dft("SEEN-1", "SEENP1"));
            Wait.until("seen.hl7 is answered", WAIT, () -> Files.exists(folder.resolve("done/seen.hl7.ack")));
        }
        assertThat(Files.readString(folder.resolve(".bridge-seen"))).contains("seen.hl7");
        // The very file (name, size, time) back in the folder, as if its move had been lost.
        Files.move(folder.resolve("done/seen.hl7"), folder.resolve("seen.hl7"));
        Files.delete(folder.resolve("done/seen.hl7.ack"));
        try (TestEngine again = TestEngine.start(settings)) {
            Files.writeString(folder.resolve("later.hl7"), dft("LATER-1", "LATERP1"));
            Wait.until("later.hl7 is answered", WAIT, () -> Files.exists(folder.resolve("done/later.hl7.ack")));
            assertThat(folder.resolve("seen.hl7")).exists();
            assertThat(folder.resolve("done/seen.hl7.ack")).doesNotExist();
            RunningInterface drops = again.engine().interfaces().find("drops").orElseThrow();
            assertThat(drops.journal().list(null, null, "SEENP1", 10)).hasSize(1);
        }
    }
}
