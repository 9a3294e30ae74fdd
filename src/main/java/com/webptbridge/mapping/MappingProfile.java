package com.webptbridge.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each billing field comes from in HL7, read from a YAML file analysts can edit
 * (conf/profiles/webpt.yaml). Positions are data; how a value is interpreted (a date, a phone chosen
 * by its use code) is the mapper's code.
 */
public final class MappingProfile {

    private final String name;
    private final FieldPosition patientId;
    private final List<String> patientIdTypes;
    private final Map<PatientField, FieldPosition> patientFields;
    private final Map<String, List<FieldPosition>> sectionFields; // "charge.units" -> positions, first valued wins

    private MappingProfile(String name, FieldPosition patientId, List<String> patientIdTypes,
                           Map<PatientField, FieldPosition> patientFields, Map<String, List<FieldPosition>> sectionFields) {
        this.name = name;
        this.patientId = patientId;
        this.patientIdTypes = List.copyOf(patientIdTypes);
        this.patientFields = patientFields;
        this.sectionFields = Map.copyOf(sectionFields);
    }

    public static MappingProfile load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read mapping profile " + file + ": " + e.getMessage(), e);
        }
    }

    /** The profile shipped in the jar: DESIGN.md's default WebPT mapping. */
    public static MappingProfile webptDefault() {
        try (InputStream in = MappingProfile.class.getResourceAsStream("/profiles/webpt.yaml")) {
            return read(in, "built-in webpt.yaml");
        } catch (IOException e) {
            throw new IllegalStateException("The built-in mapping profile is missing", e);
        }
    }

    static MappingProfile read(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        if (root == null || !root.has("patient")) {
            throw new IllegalStateException("Mapping profile " + source + " has no 'patient' section");
        }
        JsonNode patient = root.get("patient");
        JsonNode id = require(patient, "patientId", source);
        FieldPosition idPosition = FieldPosition.parse(id.isObject() ? require(id, "from", source).asText() : id.asText());
        List<String> idTypes = new ArrayList<>();
        if (id.has("identifierTypes")) {
            id.get("identifierTypes").forEach(t -> idTypes.add(t.asText().toUpperCase(Locale.ROOT)));
        }
        Map<PatientField, FieldPosition> fields = new EnumMap<>(PatientField.class);
        for (PatientField f : PatientField.values()) {
            JsonNode position = patient.get(f.profileName());
            if (position != null && !position.isNull() && !position.asText().isBlank()) {
                fields.put(f, FieldPosition.parse(position.asText()));
            }
        }
        Map<String, List<FieldPosition>> sections = new java.util.HashMap<>();
        for (String section : List.of("insurance", "encounter", "charge", "diagnosis")) {
            JsonNode node = root.path(section);
            node.fieldNames().forEachRemaining(key -> {
                List<FieldPosition> positions = new ArrayList<>();
                JsonNode value = node.get(key);
                if (value.isArray()) {
                    value.forEach(v -> positions.add(FieldPosition.parse(v.asText())));
                } else if (!value.isNull() && !value.asText().isBlank()) {
                    positions.add(FieldPosition.parse(value.asText()));
                }
                sections.put(section + "." + key, positions);
            });
        }
        String name = root.has("name") ? root.get("name").asText() : source;
        return new MappingProfile(name, idPosition, idTypes, fields, sections);
    }

    private static JsonNode require(JsonNode node, String key, String source) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("Mapping profile " + source + " needs '" + key + "'");
        }
        return value;
    }

    public String name() {
        return name;
    }

    /** The patient identifier's position (PID-3.1 by default). */
    public FieldPosition patientId() {
        return patientId;
    }

    /** CX.5 identifier types preferred for the patient ID, in order; empty means the first repetition. */
    public List<String> patientIdTypes() {
        return patientIdTypes;
    }

    /**
     * Where a DFT field comes from, in order of preference, e.g. {@code positions("encounter", "facility")}.
     * Empty when the profile does not map it.
     */
    public List<FieldPosition> positions(String section, String key) {
        return sectionFields.getOrDefault(section + "." + key, List.of());
    }

    /** Where a Patient Info field comes from, or null when the profile does not map it. */
    public FieldPosition position(PatientField field) {
        return patientFields.get(field);
    }
}
