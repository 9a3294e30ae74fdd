package com.webptbridge.inbound;

import com.webptbridge.hl7.MessageHeader;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one declaration of the messages the interfaces accept: each mapping step of the route, with
 * the message type and trigger events it maps. The route's choice sends a message to the step named
 * here ({@code ${body.step} == 'patientInfo'}), and the header check refuses every other event (AR),
 * so the two cannot disagree. A new message type is a constant here, its step bean, and a branch in
 * routes/webpt-inbound.yaml.
 */
public enum MappingStep {
    /** {@link PatientInfoStep}: Patient Info only. */
    PATIENT_INFO("patientInfo", "ADT", "A04", "A08", "A28", "A31"),
    /** {@link EncounterStep}: Insurance/Insured, Patient Info, encounter and charges. */
    ENCOUNTER("encounter", "DFT", "P03");

    private final String bean;
    private final String messageType;
    private final List<String> triggers;

    MappingStep(String bean, String messageType, String... triggers) {
        this.bean = bean;
        this.messageType = messageType;
        this.triggers = List.of(triggers);
    }

    /** The name the route's choice and the step's bean go by. */
    public String bean() {
        return bean;
    }

    public String messageType() {
        return messageType;
    }

    public List<String> triggers() {
        return triggers;
    }

    /** The step that maps this header's event, if any. */
    public static Optional<MappingStep> of(MessageHeader h) {
        if (h == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(s -> s.messageType.equals(h.messageCode()) && s.triggers.contains(h.triggerEvent()))
                .findFirst();
    }

    /** By message type, the trigger events some step maps: what the header check accepts. */
    public static Map<String, Set<String>> acceptedEvents() {
        Map<String, Set<String>> accepted = new LinkedHashMap<>();
        for (MappingStep s : values()) {
            accepted.computeIfAbsent(s.messageType, t -> new TreeSet<>()).addAll(s.triggers);
        }
        return accepted;
    }
}
