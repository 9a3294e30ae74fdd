package com.webptbridge.readiness;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every claim-readiness rule, by the name conf/rules and interface files use. An interface file
 * that names another stops the engine at start ({@link #switchedOff}), naming the valid ones.
 */
public enum Rule {
    THERAPY_MODIFIER("therapy-modifier"),
    EIGHT_MINUTE("eight-minute"),
    TIMED_UNITS("timed-units"),
    DIAGNOSIS_FORMAT("diagnosis-format"),
    INJURY_SEVENTH_CHARACTER("injury-seventh-character"),
    DIAGNOSIS_POINTER("diagnosis-pointer"),
    REFERRING_PROVIDER("referring-provider"),
    PLACE_OF_SERVICE("place-of-service"),
    TIMELY_FILING("timely-filing");

    private final String id;

    Rule(String id) {
        this.id = id;
    }

    /** As written in conf/rules and interface files, e.g. {@code therapy-modifier}. */
    public String id() {
        return id;
    }

    /** The rule named {@code name}; another name fails, listing the valid ones. */
    public static Rule of(String name, String source) {
        return Arrays.stream(values())
                .filter(r -> r.id.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        source + ": unknown claim-readiness rule '" + name + "'; the rules are " + names() + "."));
    }

    public static String names() {
        return Arrays.stream(values()).map(Rule::id).collect(Collectors.joining(", "));
    }

    /**
     * The rules an interface file switches off: {@code rules: {therapy-modifier: off}}. A rule name
     * or a setting that does not exist stops the start; {@code warn} (the default) leaves it on.
     */
    public static Set<Rule> switchedOff(Map<String, String> settings, String source) {
        Set<Rule> off = new TreeSet<>();
        if (settings == null) {
            return off;
        }
        settings.forEach((name, setting) -> {
            Rule rule = of(name, source);
            String s = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
            switch (s) {
                case "off", "false" -> off.add(rule);
                case "warn", "on", "true" -> {}
                default -> throw new IllegalArgumentException(source + ": rule " + name + " is set to '" + setting
                        + "'; a rule is warn (the default) or off.");
            }
        });
        return off;
    }
}
