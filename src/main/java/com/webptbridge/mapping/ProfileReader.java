package com.webptbridge.mapping;

import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.Problem;
import com.webptbridge.hl7.Sentence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a message at a profile's positions, the way every DFT mapper needs it: the first position
 * with a value, its text, type or repetitions, a date or an amount with the problem it makes when it
 * is not one, and the ERR location to report it at.
 */
final class ProfileReader {

    private final MappingProfile profile;
    private final FieldLimits limits;

    ProfileReader(MappingProfile profile, FieldLimits limits) {
        this.profile = profile;
        this.limits = limits;
    }

    /**
     * True when the value fits its billing column; otherwise a problem at the profile position of
     * {@code key} in the n-th {@code segment} says how long it is and what fits.
     */
    boolean fits(
            String table,
            String column,
            String value,
            String segment,
            int n,
            ProfileKey key,
            String what,
            List<Problem> problems) {
        return limits.fits(table, column, value, at(segment, n, profile.positions(key)), what, problems);
    }

    MappingProfile profile() {
        return profile;
    }

    /** A value found at one of several positions, and where. */
    record Located(String text, ErrorLocation at, FieldPosition position) {}

    Located firstValued(MessageView m, Segment current, ProfileKey key) {
        for (FieldPosition p : profile.positions(key)) {
            Segment s = segment(m, current, p);
            if (s != null) {
                FieldValue v = m.value(s, p);
                if (v instanceof FieldValue.Present present && !present.value().isBlank()) {
                    return new Located(present.value().trim(), location(m, current, List.of(p)), p);
                }
            }
        }
        return null;
    }

    String text(MessageView m, Segment current, ProfileKey key) {
        Located found = firstValued(m, current, key);
        return found == null ? "" : found.text();
    }

    Type type(MessageView m, Segment current, ProfileKey key) {
        for (FieldPosition p : profile.positions(key)) {
            Segment s = segment(m, current, p);
            if (s != null) {
                List<Type> reps = m.repetitions(s, p.field());
                if (!reps.isEmpty() && !m.isClear(reps.get(0))) {
                    return reps.get(0);
                }
            }
        }
        return null;
    }

    List<String> repetitions(MessageView m, Segment current, ProfileKey key) {
        for (FieldPosition p : profile.positions(key)) {
            Segment s = segment(m, current, p);
            if (s != null) {
                List<String> values = new ArrayList<>();
                for (Type rep : m.repetitions(s, p.field())) {
                    String v = m.text(rep, Math.max(p.component(), 1), 0).trim();
                    if (!v.isEmpty() && !m.isClear(rep)) {
                        values.add(v);
                    }
                }
                if (!values.isEmpty()) {
                    return values;
                }
            }
        }
        return List.of();
    }

    LocalDate date(MessageView m, Segment current, int n, ProfileKey key, String what, List<Problem> problems) {
        String v = text(m, current, key);
        if (v.isEmpty()) {
            return null;
        }
        LocalDate d = Hl7Dates.parse(v);
        if (d == null) {
            problems.add(Sentence.NOT_A_DATE.at(at(current.getName(), n, profile.positions(key)), what, list(key)));
        }
        return d;
    }

    BigDecimal decimal(MessageView m, Segment ft1, int n, ProfileKey key, String what, List<Problem> problems) {
        String v = text(m, ft1, key);
        if (v.isEmpty()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(Sentence.NOT_A_NUMBER.at(at("FT1", n, profile.positions(key)), n, what, v, list(key)));
            return null;
        }
    }

    Segment segment(MessageView m, Segment current, FieldPosition p) {
        return current != null && current.getName().equals(p.segment()) ? current : m.first(p.segment());
    }

    String part(MessageView m, Type type, int component) {
        return type == null ? null : blankToNull(m.text(type, component, 0));
    }
    /** The field of the first position, with the repetition number of the current segment. */
    ErrorLocation at(String segment, int n, List<FieldPosition> positions) {
        FieldPosition p = positions.isEmpty() ? null : positions.get(0);
        if (p == null) {
            return ErrorLocation.segment(segment, n);
        }
        return ErrorLocation.field(p.segment(), p.segment().equals(segment) ? n : 1, p.field());
    }

    ErrorLocation location(MessageView m, Segment current, List<FieldPosition> positions) {
        return at(
                current == null ? (positions.isEmpty() ? "" : positions.get(0).segment()) : current.getName(),
                1,
                positions);
    }

    String list(ProfileKey key) {
        return String.join(
                " or ",
                profile.positions(key).stream().map(FieldPosition::toString).toList());
    }

    int number(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
