package com.webptbridge.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.webptbridge.billing.PayerClass;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules' data, conf/rules/claim-readiness.yaml (the jar holds the shipped copy): for each rule
 * the payer classes it applies to, and the lists it checks against (therapy codes and modifiers,
 * the timed 15-minute codes, places of service, filing limits). A rule name or payer class that
 * does not exist stops the start, naming it.
 */
public record RuleBook(
        Map<Rule, Set<PayerClass>> classes,
        String discipline,
        Map<String, String> therapyModifiers,
        Set<String> therapyCodes,
        Set<String> timedCodes,
        int maxTimedUnits,
        List<String> placesOfService,
        String defaultPlaceOfService,
        Map<PayerClass, Integer> filingDays,
        int defaultFilingDays) {

    private static final String TIMED_CODES = "timed-codes";

    /** Whether {@code rule} applies to an encounter whose primary payer is of class {@code c}. */
    public boolean applies(Rule rule, PayerClass c) {
        return classes.getOrDefault(rule, Set.of()).contains(c);
    }

    /** The filing limit in days for a payer class. */
    public int filingDays(PayerClass c) {
        return filingDays.getOrDefault(c, defaultFilingDays);
    }

    /** The file at {@code file}, or the jar's copy when there is none. */
    public static RuleBook load(Path file) {
        try {
            if (file != null && Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    return read(in, file.toString());
                }
            }
            return shipped();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the claim-readiness rules " + file + ": " + e.getMessage(), e);
        }
    }

    /** The rules' data shipped in the jar (conf/rules/claim-readiness.yaml at build time). */
    public static RuleBook shipped() {
        try (InputStream in = RuleBook.class.getResourceAsStream("/rules/claim-readiness.yaml")) {
            if (in == null) {
                throw new IllegalStateException("The built-in claim-readiness rules are missing from the jar");
            }
            return read(in, "built-in claim-readiness.yaml");
        } catch (IOException e) {
            throw new IllegalStateException("The built-in claim-readiness rules cannot be read", e);
        }
    }

    static RuleBook read(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("Claim-readiness rules " + source + " are empty");
        }
        Map<Rule, Set<PayerClass>> classes = new EnumMap<>(Rule.class);
        root.fieldNames().forEachRemaining(name -> {
            if (name.equals(TIMED_CODES)) {
                return;
            }
            Rule rule = Rule.of(name, "Claim-readiness rules " + source);
            Set<PayerClass> set = EnumSet.noneOf(PayerClass.class);
            root.get(name).path("payerClasses").forEach(c -> set.add(payerClass(c.asText(), source, name)));
            classes.put(rule, set);
        });
        JsonNode therapy = root.path(Rule.THERAPY_MODIFIER.id());
        Map<String, String> modifiers = new LinkedHashMap<>();
        therapy.path("modifiers")
                .fields()
                .forEachRemaining(
                        e -> modifiers.put(upper(e.getKey()), e.getValue().asText()));
        String discipline = upper(therapy.path("discipline").asText("GP"));
        if (!modifiers.isEmpty() && !modifiers.containsKey(discipline)) {
            throw new IllegalStateException("Claim-readiness rules " + source + ": therapy-modifier.discipline '"
                    + discipline + "' is not one of its modifiers " + modifiers.keySet());
        }
        JsonNode pos = root.path(Rule.PLACE_OF_SERVICE.id());
        JsonNode filing = root.path(Rule.TIMELY_FILING.id());
        Map<PayerClass, Integer> days = new EnumMap<>(PayerClass.class);
        filing.path("days")
                .fields()
                .forEachRemaining(e -> days.put(
                        payerClass(e.getKey(), source, Rule.TIMELY_FILING.id()),
                        e.getValue().asInt()));
        return new RuleBook(
                classes,
                discipline,
                modifiers,
                texts(therapy.path("codes")),
                texts(root.path(TIMED_CODES)),
                root.path(Rule.TIMED_UNITS.id()).path("maxPerVisit").asInt(8),
                List.copyOf(texts(pos.path("known"))),
                pos.path("default").isMissingNode()
                                || pos.path("default").asText().isBlank()
                        ? null
                        : pos.path("default").asText(),
                days,
                filing.path("default").asInt(90));
    }

    private static PayerClass payerClass(String text, String source, String rule) {
        return PayerClass.of(text)
                .orElseThrow(() -> new IllegalStateException("Claim-readiness rules " + source + ": " + rule
                        + " names payer class '" + text + "'; the classes are " + PayerClass.list() + "."));
    }

    private static Set<String> texts(JsonNode list) {
        Set<String> out = new LinkedHashSet<>();
        list.forEach(v -> out.add(upper(v.asText())));
        return Set.copyOf(out).isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(out);
    }

    private static String upper(String s) {
        return s.trim().toUpperCase(Locale.ROOT);
    }
}
