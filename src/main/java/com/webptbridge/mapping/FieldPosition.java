package com.webptbridge.mapping;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in a message as analysts write it in the profile: {@code PID-5.1} is segment PID,
 * field 5, component 1; {@code PID-19} a whole field; {@code PID-3.1.2} a sub-component.
 */
public record FieldPosition(String segment, int field, int component, int subcomponent) {

    private static final Pattern SYNTAX = Pattern.compile("([A-Z][A-Z0-9]{2})-(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    public static FieldPosition parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an HL7 position; write it like PID-5.1");
        }
        return new FieldPosition(
                m.group(1),
                Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
    }

    /** The same field without its component: where an empty/"" decision is taken. */
    public FieldPosition wholeField() {
        return new FieldPosition(segment, field, 0, 0);
    }

    @Override
    public String toString() {
        return segment + "-" + field + (component > 0 ? "." + component : "")
                + (subcomponent > 0 ? "." + subcomponent : "");
    }
}
