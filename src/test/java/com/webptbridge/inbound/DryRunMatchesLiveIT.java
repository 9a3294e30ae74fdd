package com.webptbridge.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.billing.PatientField;
import com.webptbridge.store.Database;
import com.webptbridge.store.billing.PatientRecord;
import com.webptbridge.store.billing.PatientStore;
import com.webptbridge.store.journal.Journal;
import com.webptbridge.store.journal.JournalEntry;
import com.webptbridge.support.TestEngine;
import com.webptbridge.tester.Sample;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Try a message" and live traffic are one flow: every sample is first tried (POST /api/dry-run,
 * its bytes as stored) and then sent over MLLP, from the same stored data (the samples of a folder
 * build on each other, and a dry run changes nothing). The dry run must show the ACK the live run
 * gets, byte for byte apart from MSH-7 (the time) and MSH-10 (the ACK's own control ID: DRYRUN
 * instead of B + journal id), and the status, errors, notes and Patient Info changes the live run
 * records.
 */
class DryRunMatchesLiveIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> TABLES =
            List.of("message_journal", "patient", "insurance_policy", "encounter", "charge", "applied_message");

    @ParameterizedTest
    @ValueSource(strings = {"hl7-samples/adt", "hl7-samples/dft", "hl7-samples/wild"})
    void aDryRunOfEverySampleShowsWhatItsLiveRunDoes(String folder) throws Exception {
        List<Sample> samples = Sample.in(Path.of(folder));
        assertThat(samples).hasSizeGreaterThanOrEqualTo(12);
        List<String> differences = new ArrayList<>();
        try (TestEngine engine = TestEngine.start();
                MllpClient mllp = engine.connect()) {
            Database db = engine.engine().database();
            PatientStore patients = new PatientStore(db, "default");
            Journal journal = new Journal(db, "default");
            for (Sample sample : samples) {
                Map<String, Long> before = counts(db);
                JsonNode dry = dryRun(engine, sample.raw());
                assertThat(counts(db))
                        .as(sample.name() + ": a dry run stores nothing")
                        .isEqualTo(before);

                String patientId = dry.path("patientId").isNull()
                        ? null
                        : dry.path("patientId").asText();
                Optional<PatientRecord> was = patientId == null ? Optional.empty() : patients.find(patientId);
                String ack = new String(mllp.exchange(sample.raw()), sample.charset());
                Optional<PatientRecord> now = patientId == null ? Optional.empty() : patients.find(patientId);
                JournalEntry live = journal.list(null, null, null, 1).get(0);

                String name = sample.name() + ": ";
                if (!withoutTimeAndId(dry.get("ack").asText()).equals(withoutTimeAndId(ack))) {
                    differences.add(name + "ACK\n dry:  " + dry.get("ack").asText() + "\n live: " + ack);
                }
                compare(
                        differences,
                        name + "status",
                        dry.get("status").asText(),
                        live.status().name());
                compare(differences, name + "ACK code", dry.get("ackCode").asText(), live.ackCode());
                compare(differences, name + "errors", errors(dry), errorsOf(live));
                compare(differences, name + "Patient Info changes", changes(dry), changes(was, now));
                if (!live.status().name().equals("DUPLICATE")) { // a resend's note names it differently
                    compare(differences, name + "notes", texts(dry.get("notes")), live.notes());
                }
                if (live.status().name().equals("PROCESSED")) {
                    compare(
                            differences,
                            name + "new patient",
                            dry.get("patientIsNew").asBoolean(),
                            was.isEmpty());
                }
            }
        }
        assertThat(differences).as("dry run vs live run in " + folder).isEmpty();
    }

    private static JsonNode dryRun(TestEngine engine, byte[] message) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(engine.url() + "/api/dry-run"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "x-application/hl7-v2+er7")
                        .header("Authorization", TestEngine.ADMIN_AUTH)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(message))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** The ACK with MSH-7 and MSH-10 emptied: the only fields a dry run's ACK may differ in. */
    private static String withoutTimeAndId(String ack) {
        String[] segments = ack.split("\r", -1);
        if (segments[0].startsWith("MSH") && segments[0].length() > 3) {
            String separator = String.valueOf(segments[0].charAt(3));
            String[] fields = segments[0].split(java.util.regex.Pattern.quote(separator), -1);
            if (fields.length > 9) {
                fields[6] = "";
                fields[9] = "";
            }
            segments[0] = String.join(separator, fields);
        }
        return String.join("\r", segments);
    }

    private static void compare(List<String> differences, String what, Object dry, Object live) {
        if (!Objects.equals(dry, live)) {
            differences.add(what + "\n dry:  " + dry + "\n live: " + live);
        }
    }

    private static List<String> errors(JsonNode dry) {
        List<String> out = new ArrayList<>();
        dry.get("errors")
                .forEach(e -> out.add(e.get("code").asInt() + " "
                        + e.get("reason").asText() + " @" + e.get("location").asText() + " "
                        + e.get("text").asText()));
        return out;
    }

    private static List<String> errorsOf(JournalEntry live) {
        return live.errors().stream()
                .map(e -> e.hl7Code() + " " + e.reason() + " @" + e.location() + " " + e.text())
                .toList();
    }

    private static Map<String, String> changes(JsonNode dry) {
        Map<String, String> out = new TreeMap<>();
        dry.get("patientChanges")
                .forEach(c -> out.put(c.get("field").asText(), text(c.get("before")) + " -> " + text(c.get("after"))));
        return out;
    }

    private static Map<String, String> changes(Optional<PatientRecord> was, Optional<PatientRecord> now) {
        Map<String, String> out = new TreeMap<>();
        for (PatientField f : PatientField.values()) {
            String before = was.map(r -> r.get(f)).map(String::valueOf).orElse(null);
            String after = now.map(r -> r.get(f)).map(String::valueOf).orElse(null);
            if (!Objects.equals(before, after)) {
                out.put(
                        f.profileName(),
                        f == PatientField.SSN ? masked(before) + " -> " + masked(after) : before + " -> " + after);
            }
        }
        return out;
    }

    /** The dry run shows an SSN as its last four digits (DryRunPatientReadIT). */
    private static String masked(String ssn) {
        if (ssn == null) {
            return null;
        }
        String digits = ssn.replaceAll("\\D", "");
        return "***-**-" + digits.substring(digits.length() - 4);
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, Long> counts(Database db) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = db.connection();
                Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    out.put(table, rs.getLong(1));
                }
            }
        }
        return out;
    }
}
