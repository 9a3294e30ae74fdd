package com.webptbridge.tester;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares what a sample expected with what happened: the ACK code and control ID, the ERR codes
 * with locations, and (when the sample names them) the stored patient's fields, policies and their
 * insureds, encounter count, diagnoses and charges as read back from the HTTP API. Can also rewrite an expectation
 * from what happened, for a reviewed change.
 */
public final class Expectations {

    /** Reads a billing patient through the API: its JSON, or null when there is none (404). */
    @FunctionalInterface
    public interface PatientLookup {
        JsonNode find(String patientId) throws IOException, InterruptedException;
    }

    private Expectations() {}

    /** Every difference, as "what: expected <x> but was <y>"; empty when the sample passed. */
    public static List<String> compare(Sample sample, AckReading ack, PatientLookup patients)
            throws IOException, InterruptedException {
        List<String> diffs = new ArrayList<>();
        check("ack", sample.ack(), ack.ackCode(), diffs);
        if (!sample.controlId().isEmpty() && sample.text().startsWith("MSH|")) {
            check("MSA-2", sample.controlId(), ack.controlId(), diffs);
        }
        check("errors", sample.errors().toString(), ack.errors().toString(), diffs);
        JsonNode e = sample.expected();
        // errorTexts: how each ERR's sentence starts, in order (the claim-readiness warnings' words).
        for (int i = 0; i < e.path("errorTexts").size(); i++) {
            String start = e.get("errorTexts").get(i).asText();
            String text = i < ack.errorTexts().size() ? ack.errorTexts().get(i) : "";
            if (!text.startsWith(start)) {
                diffs.add("ERR " + (i + 1) + " text: expected to start <" + start + "> but was <" + text + ">");
            }
        }
        if (e.has("absentPatient")) {
            check(
                    "patient " + e.get("absentPatient").asText(),
                    "absent",
                    patients.find(e.get("absentPatient").asText()) == null ? "absent" : "present",
                    diffs);
        }
        if (!e.has("patient")
                && !e.has("insurances")
                && !e.has("insureds")
                && !e.has("charges")
                && !e.has("encounters")) {
            return diffs;
        }
        String patientId = sample.patient().getOrDefault("patientId", patientIdOf(sample));
        JsonNode patient = patients.find(patientId);
        if (patient == null) {
            diffs.add("patient " + patientId + ": expected <stored> but was <not found>");
            return diffs;
        }
        for (Map.Entry<String, String> field : sample.patient().entrySet()) {
            check(field.getKey(), String.valueOf(field.getValue()), text(at(patient, field.getKey())), diffs);
        }
        if (e.has("insurances")) {
            check(
                    "insurances",
                    lines(e.get("insurances")).toString(),
                    insurances(patient).toString(),
                    diffs);
        }
        if (e.has("insureds")) {
            check(
                    "insureds",
                    lines(e.get("insureds")).toString(),
                    insureds(patient).toString(),
                    diffs);
        }
        JsonNode encounters = patient.path("encounters");
        if (e.has("encounters")) {
            check("encounters", e.get("encounters").asText(), String.valueOf(encounters.size()), diffs);
        }
        if (e.has("diagnoses") && encounters.size() > 0) {
            check(
                    "diagnoses",
                    lines(e.get("diagnoses")).toString(),
                    lines(encounters.get(encounters.size() - 1).get("diagnoses"))
                            .toString(),
                    diffs);
        }
        if (e.has("charges")) {
            check(
                    "charges",
                    lines(e.get("charges")).toString(),
                    charges(patient).toString(),
                    diffs);
        }
        return diffs;
    }

    /** Rewrites the sample's expectation file from what happened (keeping which fields it checks). */
    public static void update(Sample sample, AckReading ack, PatientLookup patients)
            throws IOException, InterruptedException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
        ObjectNode e = sample.expected().deepCopy();
        e.put("ack", ack.ackCode());
        ArrayNode errors = e.putArray("errors");
        ack.errors().forEach(errors::add);
        JsonNode patient = e.has("patient") || e.has("insurances") || e.has("insureds") || e.has("charges")
                ? patients.find(sample.patient().getOrDefault("patientId", patientIdOf(sample)))
                : null;
        if (patient != null) {
            if (e.has("patient")) {
                ObjectNode fields = (ObjectNode) e.get("patient");
                for (String name : sample.patient().keySet()) {
                    JsonNode actual = at(patient, name);
                    if (actual.isNull() || actual.isMissingNode()) {
                        fields.putNull(name);
                    } else {
                        fields.put(name, actual.asText());
                    }
                }
            }
            if (e.has("insurances")) {
                ArrayNode a = e.putArray("insurances");
                insurances(patient).forEach(a::add);
            }
            if (e.has("insureds")) {
                ArrayNode a = e.putArray("insureds");
                insureds(patient).forEach(a::add);
            }
            if (e.has("encounters")) {
                e.put("encounters", patient.path("encounters").size());
            }
            if (e.has("charges")) {
                ArrayNode a = e.putArray("charges");
                charges(patient).forEach(a::add);
            }
        }
        yaml.writeValue(sample.file().toFile(), e);
    }

    private static JsonNode at(JsonNode node, String dotted) {
        JsonNode n = node;
        for (String part : dotted.split("\\.")) {
            n = n.path(part);
        }
        return n;
    }

    private static String text(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? "null" : n.asText();
    }

    /** Policies as "priority payer memberId group". */
    static List<String> insurances(JsonNode patient) {
        List<String> out = new ArrayList<>();
        patient.path("insurances")
                .forEach(i -> out.add(i.get("priority").asText() + " "
                        + i.get("payer").get("sequenceNumber").asText() + " "
                        + i.get("memberId").asText() + " "
                        + (i.get("groupNumber").isNull()
                                ? "-"
                                : i.get("groupNumber").asText())));
        return out;
    }

    /** Each policy's insured as "priority relationship lastName firstName dateOfBirth line1 city". */
    static List<String> insureds(JsonNode patient) {
        List<String> out = new ArrayList<>();
        patient.path("insurances").forEach(i -> {
            JsonNode insured = i.path("insured");
            JsonNode address = insured.path("address");
            out.add(String.join(
                    " ",
                    i.get("priority").asText(),
                    text(insured.path("relationship")),
                    text(insured.path("lastName")),
                    text(insured.path("firstName")),
                    text(insured.path("dateOfBirth")),
                    text(address.path("line1")),
                    text(address.path("city"))));
        });
        return out;
    }

    /** Charges of every encounter as "transactionId code units amount revenueCode modifiers pointers". */
    static List<String> charges(JsonNode patient) {
        List<String> out = new ArrayList<>();
        patient.path("encounters").forEach(enc -> enc.get("charges")
                .forEach(c -> out.add(String.join(
                        " ",
                        c.get("transactionId").asText(),
                        c.get("procedureCode").asText(),
                        c.get("units").asText(),
                        c.get("amount").decimalValue().setScale(2).toPlainString(),
                        c.get("revenueCode").isNull()
                                ? "-"
                                : c.get("revenueCode").asText(),
                        joined(c.get("modifiers")),
                        joined(c.get("diagnosisPointers"))))));
        return out;
    }

    private static List<String> lines(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String joined(JsonNode array) {
        return array.isEmpty() ? "-" : String.join(",", lines(array));
    }

    static String patientIdOf(Sample sample) {
        for (String segment : sample.text().split("\r")) {
            if (segment.startsWith("PID|")) {
                String[] f = segment.split("\\|", -1);
                return f.length > 3 ? f[3].split("\\^")[0] : "";
            }
        }
        return "";
    }

    private static void check(String what, String expected, String actual, List<String> diffs) {
        if (!expected.equals(actual)) {
            diffs.add(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }
}
