package com.webptbridge.files;

import com.webptbridge.billing.PatientField;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.store.billing.PatientRecord;
import com.webptbridge.store.journal.MessageStatus;
import com.webptbridge.support.Cli;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.support.TestDatabase;
import com.webptbridge.support.TestEngine;
import com.webptbridge.support.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 6 of issue 19: the initial patient load takes WebPT's export as an HL7 batch (LF line
 * ends) or a CSV, every patient through the Patient Info rules and the journal; a second run
 * changes nothing; a run stopped halfway and run again loads every patient once; rejects are in
 * the rejects file with the ACK's sentences.
 */
class PatientLoadIT {

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    @TempDir
    Path dir;

    private static RunningInterface face(TestEngine e) {
        return e.engine().interfaces().running().get(0);
    }

    /** An ADT^A28 per patient, LF line ends, inside FHS/BHS ... BTS/FTS. */
    private static String batch(String prefix, int patients, String... extra) {
        StringBuilder file = new StringBuilder("FHS|^~\\&|WEBPT|CLINIC\nBHS|^~\\&|WEBPT|CLINIC\n");
        for (int i = 1; i <= patients; i++) {
            file.append(Hl7Builder.adt("A28")
                    .controlId(prefix + "-C" + i)
                    .patient(prefix + "-" + i)
                    .field("PID", 5, "Patient" + i + "^Pat")
                    .text()
                    .replace('\r', '\n'));
        }
        for (String e : extra) {
            file.append(e.replace('\r', '\n'));
        }
        return file.append("BTS|").append(patients).append("\nFTS|1\n").toString();
    }

    @Test
    void aLoadIntoAnInterfaceInSetupIsRefusedUpFrontSayingWhatToDo(TestEngine e) throws Exception {
        Path file = dir.resolve("setup.hl7");
        Files.writeString(file, batch("S", 3));
        String lifecycle = "/api/interfaces/" + face(e).id() + "/lifecycle";
        assertThat(e.send("POST", lifecycle, "{\"state\": \"setup\"}", TestEngine.ADMIN_AUTH)
                        .statusCode())
                .isEqualTo(200);
        try {
            Cli.Result refused = Cli.run("import", "patients", file.toString(), "--url", e.url());

            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("is setup and takes no messages").contains("bridge interface go-live");
            assertThat(face(e).patients().find("S-1")).isEmpty();
        } finally {
            assertThat(e.send("POST", lifecycle, "{\"state\": \"live\", \"force\": true}", TestEngine.ADMIN_AUTH)
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void anHl7BatchWithLfLineEndsLoadsEveryPatientAndASecondRunChangesNothing(TestEngine e) throws Exception {
        // A new patient without last name and date of birth: the Patient Info rules answer AE.
        String bad = Hl7Builder.adt("A28")
                .controlId("H-BAD")
                .patient("H-NO-NAME")
                .field("PID", 5, "")
                .field("PID", 7, "")
                .text();
        Path file = dir.resolve("patients.hl7");
        Files.writeString(file, batch("H", 40, bad));

        Cli.Result first = Cli.run("import", "patients", file.toString(), "--url", e.url());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("40 created, 0 updated, 0 unchanged, 1 rejected");
        for (int i = 1; i <= 40; i++) {
            assertThat(face(e).patients().find("H-" + i)).isPresent();
        }
        assertThat(face(e).patients().find("H-3").orElseThrow().get(PatientField.LAST_NAME))
                .isEqualTo("Patient3");
        Path rejects = dir.resolve("patients.hl7.rejects.txt");
        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("message 41, control ID H-BAD: AE").contains("PID");
        assertThat(lines.get(0))
                .contains("Patient H-NO-NAME is new to the billing system and the message has no last name")
                .contains("Add it to the patient's demographics in WebPT");

        Cli.Result second = Cli.run("import", "patients", file.toString(), "--url", e.url());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("0 created, 0 updated, 40 unchanged, 1 rejected");
        assertThat(face(e).journal().list(MessageStatus.PROCESSED, null, "H-7", 10))
                .hasSize(1);
    }

    @Test
    void aCsvWithForeignHeadersLoadsEveryRowThroughThePatientInfoRules(TestEngine e) throws Exception {
        StringBuilder csv = new StringBuilder(
                "MRN,Last Name,First Name,DOB,Gender,Address,City,State,Zip Code," + "Cell Phone,Email\n");
        for (int i = 1; i <= 20; i++) {
            csv.append("C-")
                    .append(i)
                    .append(",Family")
                    .append(i)
                    .append(",Given,03/0")
                    .append(1 + i % 9)
                    .append("/1980,F,1 Main St,Springfield,IL,62701,555-0100,p")
                    .append(i)
                    .append("@example.com\n");
        }
        // HL7 delimiters in a value are escaped, not read as structure; a date WebPT must correct is rejected.
        csv.append("C-21,\"Smith|Jones^Jr\",Ann,1975-12-31,F,,,,,,\n");
        csv.append("C-22,Nodate,Bo,31/31/1990,M,,,,,,\n");
        Path file = dir.resolve("patients.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        Cli.Result first = Cli.run("import", "patients", file.toString(), "--url", e.url());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("21 created, 0 updated, 0 unchanged, 1 rejected");
        PatientRecord five = face(e).patients().find("C-5").orElseThrow();
        assertThat(five.get(PatientField.LAST_NAME)).isEqualTo("Family5");
        assertThat(five.get(PatientField.DATE_OF_BIRTH)).isEqualTo(LocalDate.of(1980, 3, 6));
        assertThat(five.get(PatientField.CITY)).isEqualTo("Springfield");
        assertThat(five.get(PatientField.MOBILE_PHONE)).isEqualTo("555-0100");
        assertThat(five.get(PatientField.EMAIL)).isEqualTo("p5@example.com");
        assertThat(face(e).patients().find("C-21").orElseThrow().get(PatientField.LAST_NAME))
                .isEqualTo("Smith|Jones^Jr");
        List<String> lines = Files.readAllLines(dir.resolve("patients.csv.rejects.txt"));
        assertThat(lines)
                .singleElement()
                .asString()
                .startsWith("row 22, control ID PL")
                .contains("PID-7")
                .contains("not a date");

        Cli.Result second = Cli.run("import", "patients", file.toString(), "--url", e.url());
        assertThat(second.out()).contains("0 created, 0 updated, 21 unchanged, 1 rejected");
    }

    @Test
    void aLoadStoppedHalfwayAndRunAgainLoadsEveryPatientOnce() throws Exception {
        String url = TestDatabase.freshUrl();
        int patients = 600;
        byte[] file = batch("K", patients).getBytes(StandardCharsets.UTF_8);
        int loadedBefore;
        try (TestEngine first = TestEngine.start(Map.of("bridge.db.url", url))) {
            PatientLoad load = face(first).loads().start("patients.hl7", file);
            Wait.until(
                    "a part of the load is done",
                    Duration.ofSeconds(60),
                    () -> load.progress().done() >= 50);
            first.close(); // the engine stops in the middle of the load
            loadedBefore = load.progress().done();
            assertThat(load.progress().state()).isEqualTo(PatientLoad.State.STOPPED);
        }
        assertThat(loadedBefore).isBetween(50, patients - 1);

        try (TestEngine again = TestEngine.start(Map.of("bridge.db.url", url))) {
            PatientLoad.Progress rest = face(again).loads().loadNow("patients.hl7", file);
            assertThat(rest.state()).isEqualTo(PatientLoad.State.DONE);
            assertThat(rest.created() + rest.unchanged()).isEqualTo(patients);
            assertThat(rest.created()).isEqualTo(patients - rest.unchanged());
            assertThat(rest.rejected()).isZero();
            for (int i = 1; i <= patients; i++) {
                assertThat(face(again).journal().list(MessageStatus.PROCESSED, null, "K-" + i, 10))
                        .as("K-" + i + " applied once")
                        .hasSize(1);
            }
        }
    }
}
