package com.webptbridge.hl7;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the interface accepts at the header level: versions, processing IDs, and message types with
 * their trigger events. Anything else is rejected (AR) before the body is read.
 */
public final class HeaderRules {

    private final Set<String> versions;
    private final Set<String> processingIds;
    private final Map<String, Set<String>> triggersByType;

    public HeaderRules(Set<String> versions, Set<String> processingIds, Map<String, Set<String>> triggersByType) {
        this.versions = Set.copyOf(versions);
        this.processingIds = Set.copyOf(processingIds);
        this.triggersByType = Map.copyOf(triggersByType);
    }

    public List<Problem> check(MessageHeader h) {
        List<Problem> problems = new ArrayList<>();
        if (!h.usableEncoding()) {
            problems.add(NakReason.BAD_ENCODING.at(
                    ErrorLocation.field("MSH", 1, 2),
                    "The delimiters (MSH-1, MSH-2) are '" + h.fieldSeparator() + h.encodingCharacters()
                            + "': HL7 v2 needs four encoding characters (component, repetition, escape,"
                            + " sub-component), none of them '.', normally |^~\\&."));
        }
        if (h.controlId().isBlank()) {
            problems.add(NakReason.MISSING_HEADER_FIELD.at(
                    ErrorLocation.field("MSH", 1, 10),
                    "The message control ID (MSH-10) is empty: every message needs a unique control ID."));
        }
        String type = h.messageCode();
        String trigger = h.triggerEvent();
        if (type.isEmpty()) {
            problems.add(NakReason.MISSING_HEADER_FIELD.at(
                    ErrorLocation.field("MSH", 1, 9), "The message type (MSH-9) is empty."));
        } else if (!triggersByType.containsKey(type)) {
            problems.add(NakReason.UNSUPPORTED_MESSAGE_TYPE.at(
                    ErrorLocation.component("MSH", 1, 9, 1),
                    "Message type " + type + " is not handled by this interface; it accepts " + accepted() + "."));
        } else if (!triggersByType.get(type).contains(trigger)) {
            problems.add(NakReason.UNSUPPORTED_EVENT.at(
                    ErrorLocation.component("MSH", 1, 9, 2),
                    "Event " + type + "^" + trigger + " is not handled by this interface; it accepts " + accepted()
                            + "."));
        }
        if (!versions.contains(h.version())) {
            problems.add(NakReason.UNSUPPORTED_VERSION.at(
                    ErrorLocation.field("MSH", 1, 12),
                    (h.version().isEmpty()
                                    ? "The HL7 version (MSH-12) is empty"
                                    : "HL7 version '" + h.version() + "' (MSH-12) is not supported")
                            + "; send one of "
                            + String.join(", ", new java.util.TreeSet<>(versions)) + "."));
        }
        if (!processingIds.contains(h.processingId())) {
            problems.add(NakReason.UNSUPPORTED_PROCESSING_ID.at(
                    ErrorLocation.field("MSH", 1, 11),
                    (h.processingId().isEmpty()
                                    ? "The processing ID (MSH-11) is empty"
                                    : "Processing ID '" + h.processingId() + "' (MSH-11) is not accepted")
                            + "; send one of "
                            + String.join(", ", new java.util.TreeSet<>(processingIds)) + "."));
        }
        return problems;
    }

    private String accepted() {
        List<String> all = new ArrayList<>();
        new java.util.TreeMap<>(triggersByType)
                .forEach((type, triggers) -> new java.util.TreeSet<>(triggers).forEach(t -> all.add(type + "^" + t)));
        return String.join(", ", all);
    }
}
