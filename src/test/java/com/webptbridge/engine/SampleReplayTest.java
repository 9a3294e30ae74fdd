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
        replay(Path.of("hl7-samples/adt"));
    }

    @Test
    void everyDftSampleGetsItsExpectedAckPoliciesAndCharges() throws Exception {
        replay(Path.of("hl7-samples/dft"));
    }

    private static void replay(Path folder) throws Exception {
        List<Sample> samples = Sample.in(folder);
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
        assertThat(mismatches).as("differences from " + folder + " expectations").isEmpty();
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
        String patientId = expected.containsKey("patientId") ? expected.get("patientId") : patientIdOf(sample);
        if (expected.isEmpty() && !sample.expected().has("insurances") && !sample.expected().has("charges")
                && !sample.expected().has("encounters")) {
            return;
        }
        HttpResponse<String> response = engine.get("/api/patients/" + patientId);
        if (response.statusCode() != 200) {
            mismatches.add(sample.name() + ": patient " + expected.get("patientId") + " not found");
            return;
        }
        JsonNode patient = JSON.readTree(response.body());
        checkAccount(sample, patient, mismatches);
        expected.forEach((field, value) -> {
            JsonNode actual = patient;
            for (String part : field.split("\\.")) {
                actual = actual.path(part);
            }
            check(sample.name() + " " + field, String.valueOf(value), actual.isNull() || actual.isMissingNode()
                    ? "null" : actual.asText(), mismatches);
        });
    }

    /** Policies, encounters and charges, compared as the compact lines the expectation files use. */
    private static void checkAccount(Sample sample, JsonNode patient, List<String> mismatches) {
        JsonNode e = sample.expected();
        if (e.has("insurances")) {
            List<String> actual = new ArrayList<>();
            patient.path("insurances").forEach(i -> actual.add(i.get("priority").asText() + " "
                    + i.get("payer").get("sequenceNumber").asText() + " " + i.get("memberId").asText() + " "
                    + (i.get("groupNumber").isNull() ? "-" : i.get("groupNumber").asText())));
            check(sample.name() + " insurances", lines(e.get("insurances")).toString(), actual.toString(), mismatches);
        }
        JsonNode encounters = patient.path("encounters");
        if (e.has("encounters")) {
            check(sample.name() + " encounters", e.get("encounters").asText(), "" + encounters.size(), mismatches);
        }
        if (e.has("diagnoses") && encounters.size() > 0) {
            check(sample.name() + " diagnoses", lines(e.get("diagnoses")).toString(),
                    lines(encounters.get(encounters.size() - 1).get("diagnoses")).toString(), mismatches);
        }
        if (e.has("charges")) {
            List<String> actual = new ArrayList<>();
            encounters.forEach(enc -> enc.get("charges").forEach(c -> actual.add(String.join(" ",
                    c.get("transactionId").asText(), c.get("procedureCode").asText(), c.get("units").asText(),
                    c.get("amount").decimalValue().setScale(2).toPlainString(),
                    c.get("revenueCode").isNull() ? "-" : c.get("revenueCode").asText(),
                    joined(c.get("modifiers")), joined(c.get("diagnosisPointers"))))));
            check(sample.name() + " charges", lines(e.get("charges")).toString(), actual.toString(), mismatches);
        }
    }

    private static List<String> lines(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String joined(JsonNode array) {
        return array.isEmpty() ? "-" : String.join(",", lines(array));
    }

    private static String patientIdOf(Sample sample) {
        for (String segment : sample.text().split("\r")) {
            if (segment.startsWith("PID|")) {
                return segment.split("\\|", -1)[3].split("\\^")[0];
            }
        }
        return "";
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
