package com.webptbridge.mapping;

import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.Problem;
import com.webptbridge.hl7.Sentence;

import java.util.List;
import java.util.Map;

/**
 * How long a value each billing field can hold, by "table.column" as the store's schema declares it
 * (the engine reads the widths from the database, so the check and the schema are one definition).
 * A longer value is an AE 102 at its field naming the limit: the sender must shorten it, and a
 * resend as it stands can never succeed, so it is not "send it again later".
 */
public record FieldLimits(Map<String, Integer> widths) {

    /** No limits known (tests of a mapper alone). */
    public static final FieldLimits NONE = new FieldLimits(Map.of());

    public FieldLimits {
        widths = Map.copyOf(widths);
    }

    /** True when the value fits; otherwise adds the problem that says which field, how long, and the limit. */
    boolean fits(String table, String column, String value, ErrorLocation at, String what, List<Problem> problems) {
        Integer width = widths.get(table + "." + column);
        if (value == null || width == null || value.length() <= width) {
            return true;
        }
        problems.add(Sentence.TOO_LONG.at(at, what, at.display(), value.length(), width));
        return false;
    }
}
