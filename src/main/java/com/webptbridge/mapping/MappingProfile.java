package com.webptbridge.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.webptbridge.billing.PatientField;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
    private final Map<ProfileKey, List<FieldPosition>> positions; // first valued wins
    private final Diagnoses.Reading diagnosisReading;

    private MappingProfile(
            String name,
            FieldPosition patientId,
            List<String> patientIdTypes,
            Map<PatientField, FieldPosition> patientFields,
            Map<ProfileKey, List<FieldPosition>> positions,
            Diagnoses.Reading diagnosisReading) {
        this.name = name;
        this.patientId = patientId;
        this.patientIdTypes = List.copyOf(patientIdTypes);
        this.patientFields = patientFields;
        this.positions = Map.copyOf(positions);
        this.diagnosisReading = diagnosisReading;
    }

    public static MappingProfile load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read mapping profile " + file + ": " + e.getMessage(), e);
        }
    }

    /** The profile shipped in the jar: the default WebPT mapping, conf/profiles/webpt.yaml. */
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
        Set<String> sections = new TreeSet<>(ProfileKey.sections());
        root.fieldNames().forEachRemaining(top -> {
            if (!top.equals("name") && !top.equals("patient") && !top.equals("readings") && !sections.contains(top)) {
                throw new IllegalStateException("Mapping profile " + source + ": unknown section '" + top
                        + "'; a profile has name, patient, readings, " + String.join(", ", sections) + ".");
            }
        });
        JsonNode patient = root.get("patient");
        Map<String, PatientField> byName = new LinkedHashMap<>();
        for (PatientField f : PatientField.values()) {
            byName.put(f.profileName(), f);
        }
        patient.fieldNames().forEachRemaining(key -> {
            if (!key.equals("patientId") && !byName.containsKey(key)) {
                throw new IllegalStateException("Mapping profile " + source + ": unknown key 'patient." + key
                        + "'; the patient section takes patientId, " + String.join(", ", byName.keySet()) + ".");
            }
        });
        JsonNode id = require(patient, "patientId", source);
        FieldPosition idPosition =
                FieldPosition.parse(id.isObject() ? require(id, "from", source).asText() : id.asText());
        List<String> idTypes = new ArrayList<>();
        if (id.has("identifierTypes")) {
            id.get("identifierTypes").forEach(t -> idTypes.add(t.asText().toUpperCase(Locale.ROOT)));
        }
        Map<PatientField, FieldPosition> fields = new EnumMap<>(PatientField.class);
        byName.forEach((name, f) -> {
            JsonNode position = patient.get(name);
            if (position != null && !position.isNull() && !position.asText().isBlank()) {
                fields.put(f, FieldPosition.parse(position.asText()));
            }
        });
        Map<ProfileKey, List<FieldPosition>> positions = new EnumMap<>(ProfileKey.class);
        for (String section : sections) {
            JsonNode node = root.path(section);
            node.fieldNames().forEachRemaining(key -> {
                List<FieldPosition> list = new ArrayList<>();
                JsonNode value = node.get(key);
                if (value.isArray()) {
                    value.forEach(v -> list.add(FieldPosition.parse(v.asText())));
                } else if (!value.isNull() && !value.asText().isBlank()) {
                    list.add(FieldPosition.parse(value.asText()));
                }
                positions.put(ProfileKey.of(section, key, source), List.copyOf(list));
            });
        }
        String name = root.has("name") ? root.get("name").asText() : source;
        return new MappingProfile(name, idPosition, idTypes, fields, positions, reading(root.path("readings"), source));
    }

    /** How FT1-19 is read: {@code readings: {diagnosisPointers: auto | codes | setIds}}. */
    private static Diagnoses.Reading reading(JsonNode readings, String source) {
        readings.fieldNames().forEachRemaining(key -> {
            if (!key.equals("diagnosisPointers")) {
                throw new IllegalStateException("Mapping profile " + source + ": unknown key 'readings." + key
                        + "'; the readings section takes diagnosisPointers.");
            }
        });
        String value = readings.path("diagnosisPointers").asText("auto");
        return switch (value) {
            case "auto" -> Diagnoses.Reading.AUTO;
            case "codes" -> Diagnoses.Reading.CODES;
            case "setIds" -> Diagnoses.Reading.SET_IDS;
            default -> throw new IllegalStateException("Mapping profile " + source + ": readings.diagnosisPointers '"
                    + value + "' must be auto, codes or setIds.");
        };
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
     * Where a DFT field comes from, in order of preference. Empty when the profile does not map it.
     */
    public List<FieldPosition> positions(ProfileKey key) {
        return positions.getOrDefault(key, List.of());
    }

    /** How FT1-19's values are read (codes, DG1 set IDs, or either). */
    Diagnoses.Reading diagnosisReading() {
        return diagnosisReading;
    }

    /** Where a Patient Info field comes from, or null when the profile does not map it. */
    public FieldPosition position(PatientField field) {
        return patientFields.get(field);
    }
}
