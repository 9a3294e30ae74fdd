package com.webptbridge.inbound;

import ca.uhn.hl7v2.llp.HL7Reader;
import ca.uhn.hl7v2.llp.HL7Writer;
import ca.uhn.hl7v2.llp.MinLLPReader;
import ca.uhn.hl7v2.llp.MinLLPWriter;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.engine.LogFormat;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.LogCapture;
import com.webptbridge.support.TestEngine;
import com.webptbridge.tester.AckReading;
import com.webptbridge.tester.Expectations;
import com.webptbridge.tester.Sample;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden suite: every sample in hl7-samples/ goes over a real MLLP socket, written and read by
 * HAPI's own MLLP layer, to the real engine and database. Each ACK must parse with HAPI and match
 * the expectation beside the sample (the same comparison `bridge replay` makes), and no log line may
 * carry the samples' patient data, in either log format (bridge.log.format text or json): the same
 * events as each format's encoder writes them, MDC fields and stack traces included.
 */
class SampleReplayIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyAdtSampleGetsItsExpectedAckAndStoredPatient() throws Exception {
        replay(Path.of("hl7-samples/adt"), false);
    }

    @Test
    void everyDftSampleGetsItsExpectedAckPoliciesAndCharges() throws Exception {
        replay(Path.of("hl7-samples/dft"), false);
    }

    /** Other senders' messages, each sent exactly as stored: LF or CRLF line ends, a byte-order mark. */
    @Test
    void everyWildSampleSentByteForByteGetsItsExpectedOutcome() throws Exception {
        replay(Path.of("hl7-samples/wild"), true);
    }

    /** @param raw send each file's bytes as stored, through our own MLLP client, instead of HAPI's writer */
    private static void replay(Path folder, boolean raw) throws Exception {
        List<Sample> samples = Sample.in(folder);
        assertThat(samples).hasSizeGreaterThanOrEqualTo(12);
        List<String> mismatches = new ArrayList<>();
        String logs;
        Map<String, String> formats = new LinkedHashMap<>();
        try (LogCapture capture = new LogCapture();
                TestEngine engine = TestEngine.start();
                Socket socket = new Socket("127.0.0.1", engine.mllpPort())) {
            socket.setSoTimeout(20_000);
            Expectations.PatientLookup patients = id -> {
                HttpResponse<String> r = engine.get("/api/patients/" + id);
                return r.statusCode() == 404 ? null : JSON.readTree(r.body());
            };
            for (Sample sample : samples) {
                String ack;
                if (raw) {
                    socket.getOutputStream().write(MllpClient.frame(sample.raw()));
                    ack = new MinLLPReader(socket.getInputStream(), sample.charset()).getMessage();
                } else {
                    // HAPI's writer does not apply MSH-18 by itself (it wrote '?' for 'ñ'): give it the charset.
                    HL7Writer writer = new MinLLPWriter(socket.getOutputStream(), sample.charset());
                    HL7Reader reader = new MinLLPReader(socket.getInputStream(), sample.charset());
                    writer.writeMessage(sample.text());
                    ack = reader.getMessage();
                }
                Hl7Text.parseAck(ack); // HAPI must be able to read every answer
                Expectations.compare(sample, AckReading.read(ack), patients)
                        .forEach(diff -> mismatches.add(sample.name() + " " + diff));
            }
            logs = capture.textAsShipped();
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            formats.put("text", capture.encodedAsShipped(LogFormat.text(context)));
            formats.put("json", capture.encodedAsShipped(LogFormat.json(context)));
        }
        assertThat(mismatches)
                .as("differences from " + folder + " expectations")
                .isEmpty();
        assertThat(logs).contains("status=PROCESSED");
        for (String phi : phi(samples)) {
            assertThat(logs).as("log output must not contain patient data").doesNotContain(phi);
        }
        List<String> jsonLines = formats.get("json").lines().toList();
        assertThat(jsonLines).isNotEmpty();
        for (String line : jsonLines) {
            JsonNode event = JSON.readTree(line); // each line one JSON object, or this throws
            assertThat(event.fieldNames()).toIterable().contains("timestamp", "level", "logger", "thread", "message");
        }
        assertThat(jsonLines)
                .as("the per-message line carries interface, journal id and control ID as fields")
                .anySatisfy(l ->
                        assertThat(JSON.readTree(l).path("journal_id").asText()).isNotEmpty())
                .anySatisfy(l -> assertThat(JSON.readTree(l).path("control_id").asText())
                        .isNotEmpty()
                        .isNotEqualTo("-"))
                .anySatisfy(l ->
                        assertThat(JSON.readTree(l).path("interface").asText()).isEqualTo("default"));
        formats.forEach((format, written) -> {
            for (String phi : phi(samples)) {
                assertThat(written)
                        .as(format + " log must not contain patient data")
                        .doesNotContain(phi);
            }
        });
    }

    /** Names, dates of birth (as sent and as stored), SSNs and street lines from the samples. */
    private static List<String> phi(List<Sample> samples) {
        List<String> phi = new ArrayList<>();
        for (Sample s : samples) {
            s.patient().forEach((field, value) -> {
                if (value != null
                        && List.of("lastName", "firstName", "dateOfBirth", "ssn", "address.line1")
                                .contains(field)) {
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
