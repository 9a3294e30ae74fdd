package com.webptbridge.engine;

import ca.uhn.hl7v2.llp.HL7Reader;
import ca.uhn.hl7v2.llp.HL7Writer;
import ca.uhn.hl7v2.llp.MinLLPReader;
import ca.uhn.hl7v2.llp.MinLLPWriter;
import ca.uhn.hl7v2.model.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.LogCapture;
import com.webptbridge.support.Sample;
import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden suite: every sample in hl7-samples/adt goes over a real MLLP socket, written and read
 * by HAPI's own MLLP layer, to the real engine and database. Each ACK (parsed by HAPI) and each
 * stored patient must match the expectation beside the sample, and no log line may carry the
 * samples' patient data.
 */
class SampleReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyAdtSampleGetsItsExpectedAckAndStoredPatient() throws Exception {
        List<Sample> samples = Sample.in(Path.of("hl7-samples/adt"));
        assertThat(samples).hasSizeGreaterThanOrEqualTo(12);
        List<String> mismatches = new ArrayList<>();
        String logs;
        try (LogCapture capture = new LogCapture();
             TestEngine engine = TestEngine.start();
             Socket socket = new Socket("127.0.0.1", engine.mllpPort())) {
            socket.setSoTimeout(20_000);
            for (Sample sample : samples) {
                // HAPI's writer does not apply MSH-18 by itself (it wrote '?' for 'ñ'): give it the charset.
                HL7Writer writer = new MinLLPWriter(socket.getOutputStream(), sample.charset());
                HL7Reader reader = new MinLLPReader(socket.getInputStream(), sample.charset());
                writer.writeMessage(sample.text());
                String ackText = reader.getMessage();
                Message ack = Hl7Text.parseAck(ackText);
                check(sample.name() + " MSA-1", sample.ack(), Hl7Text.get(ack, "/MSA-1"), mismatches);
                if (!sample.controlId().isEmpty() && sample.text().startsWith("MSH|")) {
                    check(sample.name() + " MSA-2", sample.controlId(), Hl7Text.get(ack, "/MSA-2"), mismatches);
                }
                check(sample.name() + " ERR", sample.errors().toString(), Hl7Text.errors(ack).toString(), mismatches);
                checkPatient(engine, sample, mismatches);
            }
            logs = capture.text();
        }
        assertThat(mismatches).as("differences from hl7-samples/adt expectations").isEmpty();
        assertThat(logs).contains("status=PROCESSED");
        for (String phi : phi(samples)) {
            assertThat(logs).as("log output must not contain patient data").doesNotContain(phi);
        }
    }

    private static void checkPatient(TestEngine engine, Sample sample, List<String> mismatches) throws Exception {
        Map<String, String> expected = sample.patient();
        if (sample.expected().has("absentPatient")) {
            String id = sample.expected().get("absentPatient").asText();
            check(sample.name() + " patient " + id, "404", "" + engine.get("/api/patients/" + id).statusCode(), mismatches);
        }
        if (expected.isEmpty()) {
            return;
        }
        HttpResponse<String> response = engine.get("/api/patients/" + expected.get("patientId"));
        if (response.statusCode() != 200) {
            mismatches.add(sample.name() + ": patient " + expected.get("patientId") + " not found");
            return;
        }
        JsonNode patient = JSON.readTree(response.body());
        expected.forEach((field, value) -> {
            JsonNode actual = patient;
            for (String part : field.split("\\.")) {
                actual = actual.path(part);
            }
            check(sample.name() + " " + field, String.valueOf(value), actual.isNull() || actual.isMissingNode()
                    ? "null" : actual.asText(), mismatches);
        });
    }

    private static void check(String what, String expected, String actual, List<String> mismatches) {
        if (!expected.equals(actual)) {
            mismatches.add(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    /** Names, dates of birth (as sent and as stored), SSNs and street lines from the samples. */
    private static List<String> phi(List<Sample> samples) {
        List<String> phi = new ArrayList<>();
        for (Sample s : samples) {
            s.patient().forEach((field, value) -> {
                if (value != null && List.of("lastName", "firstName", "dateOfBirth", "ssn", "address.line1").contains(field)) {
                    phi.add(value);
                    if (field.equals("dateOfBirth")) {
                        phi.add(value.replace("-", ""));
                    }
                }
            });
        }
        phi.add("321-54-9876");
        return phi;
    }
}
