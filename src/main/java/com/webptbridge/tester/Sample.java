package com.webptbridge.tester;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.webptbridge.hl7.InboundMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One file of hl7-samples/ and the outcome expected beside it ({@code NAME.expected.yaml}): ACK
 * code, ERR codes with locations, and optionally fields of the stored patient.
 */
public record Sample(
        String name, String text, java.nio.charset.Charset charset, JsonNode expected, Path file, byte[] raw) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Every sample in a folder, in file-name order (later samples may build on earlier ones). */
    public static List<Sample> in(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Sample> out = new ArrayList<>();
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".hl7")).sorted().toList()) {
                String name = f.getFileName().toString().replaceAll("\\.hl7$", "");
                byte[] bytes = Files.readAllBytes(f);
                // Read in the charset the sample's own MSH-18 declares, as the engine will.
                InboundMessage read = InboundMessage.read(bytes, StandardCharsets.UTF_8);
                out.add(new Sample(
                        name,
                        MessageFiles.segments(read.text()),
                        read.charset(),
                        expectation(dir.resolve(name + ".expected.yaml")),
                        dir.resolve(name + ".expected.yaml"),
                        bytes));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sample's expected outcome; a sample without one expects nothing yet (every comparison
     * differs) until {@code bridge replay --update} writes it from what happened.
     */
    private static JsonNode expectation(Path file) throws IOException {
        if (!Files.exists(file)) {
            return YAML.createObjectNode().put("description", "new sample: review what --update wrote");
        }
        return YAML.readTree(file.toFile());
    }

    /** True when checking this sample reads the engine's API (stored patients, policies, charges). */
    public boolean needsApi() {
        return expected.has("patient")
                || expected.has("insurances")
                || expected.has("charges")
                || expected.has("encounters")
                || expected.has("absentPatient");
    }

    public String ack() {
        return expected.path("ack").asText("(none)");
    }

    public List<String> errors() {
        List<String> out = new ArrayList<>();
        expected.path("errors").forEach(e -> out.add(e.asText()));
        return out;
    }

    /** Expected patient fields, dotted for nested ones ("address.line1"); null values expected empty. */
    public Map<String, String> patient() {
        Map<String, String> out = new LinkedHashMap<>();
        expected.path("patient")
                .fields()
                .forEachRemaining(e -> out.put(
                        e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return out;
    }

    public String controlId() {
        String msh = text.substring(0, text.indexOf('\r'));
        String[] f = msh.split("\\|", -1);
        return f.length > 9 ? f[9] : "";
    }

    @Override
    public String toString() {
        return name;
    }
}
