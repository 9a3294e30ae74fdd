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
            problems.add(Sentence.BAD_DELIMITERS.at(
                    ErrorLocation.field("MSH", 1, 2), h.fieldSeparator() + h.encodingCharacters()));
        }
        if (h.controlId().isBlank()) {
            problems.add(Sentence.NO_CONTROL_ID.at(ErrorLocation.field("MSH", 1, 10)));
        }
        String type = h.messageCode();
        String trigger = h.triggerEvent();
        if (type.isEmpty()) {
            problems.add(Sentence.NO_MESSAGE_TYPE.at(ErrorLocation.field("MSH", 1, 9)));
        } else if (!triggersByType.containsKey(type)) {
            problems.add(
                    Sentence.UNSUPPORTED_MESSAGE_TYPE.at(ErrorLocation.component("MSH", 1, 9, 1), type, accepted()));
        } else if (!triggersByType.get(type).contains(trigger)) {
            problems.add(
                    Sentence.UNSUPPORTED_EVENT.at(ErrorLocation.component("MSH", 1, 9, 2), type, trigger, accepted()));
        }
        if (!versions.contains(h.version())) {
            String accepted = String.join(", ", new java.util.TreeSet<>(versions));
            problems.add(
                    h.version().isEmpty()
                            ? Sentence.EMPTY_VERSION.at(ErrorLocation.field("MSH", 1, 12), accepted)
                            : Sentence.UNSUPPORTED_VERSION.at(
                                    ErrorLocation.field("MSH", 1, 12), h.version(), accepted));
        }
        if (!processingIds.contains(h.processingId())) {
            String accepted = String.join(", ", new java.util.TreeSet<>(processingIds));
            problems.add(
                    h.processingId().isEmpty()
                            ? Sentence.EMPTY_PROCESSING_ID.at(ErrorLocation.field("MSH", 1, 11), accepted)
                            : Sentence.UNSUPPORTED_PROCESSING_ID.at(
                                    ErrorLocation.field("MSH", 1, 11), h.processingId(), accepted));
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
