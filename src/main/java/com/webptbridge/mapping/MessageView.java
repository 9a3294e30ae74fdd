package com.webptbridge.mapping;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.ExtraComponents;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.parser.EncodingCharacters;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed message seen as its segments in wire order, whatever groups HAPI put them in, with
 * direct field access (no Terser path parsing per call). Values come back decoded: HAPI's escapes
 * plus {@code \X..\} hex in the message's charset.
 */
public final class MessageView {

    private final List<Segment> segments;
    private final EncodingCharacters encoding;
    private final Charset charset;

    public MessageView(Message message, Charset charset) throws HL7Exception {
        this.segments = new ArrayList<>();
        collect(message, segments);
        this.encoding = EncodingCharacters.getInstance(message);
        this.charset = charset;
    }

    private static void collect(Group group, List<Segment> out) throws HL7Exception {
        for (String name : group.getNames()) {
            for (Structure s : group.getAll(name)) {
                if (s instanceof Segment seg) {
                    if (!seg.isEmpty()) {
                        out.add(seg);
                    }
                } else if (s instanceof Group g) {
                    collect(g, out);
                }
            }
        }
    }

    /** Every segment with this name, in order. */
    public List<Segment> all(String name) {
        List<Segment> found = new ArrayList<>();
        for (Segment s : segments) {
            if (s.getName().equals(name)) {
                found.add(s);
            }
        }
        return found;
    }

    public Segment first(String name) {
        for (Segment s : segments) {
            if (s.getName().equals(name)) {
                return s;
            }
        }
        return null;
    }

    public List<Segment> segments() {
        return segments;
    }

    /** The repetitions of a field; empty when the field is empty. */
    public List<Type> repetitions(Segment segment, int field) {
        try {
            List<Type> reps = new ArrayList<>();
            for (Type t : segment.getField(field)) {
                if (!t.isEmpty()) {
                    reps.add(t);
                }
            }
            return reps;
        } catch (HL7Exception e) {
            return List.of(); // a field number beyond the segment's definition is simply empty
        }
    }

    /**
     * What the field at this position says, HL7-style: empty, {@code ""}, or a value. For a position
     * with a component, the field as a whole decides empty/clear and the component gives the value.
     */
    public FieldValue value(Segment segment, FieldPosition position) {
        List<Type> reps = repetitions(segment, position.field());
        if (reps.isEmpty()) {
            return FieldValue.ABSENT;
        }
        return valueOf(reps.get(0), position.component(), position.subcomponent());
    }

    /**
     * Like {@link #value} for a component whose sub-components are parts of one value (SAD, the
     * street address: {@code 1000&Hospital Lane}): the valued sub-components joined with a space,
     * each once and in order. Senders that fill SAD.1 with the whole street and repeat its name
     * (SAD.2) and number (SAD.3) after it ({@code 12 Oak St&Oak St&12}) get {@code 12 Oak St}, not
     * the street twice.
     */
    public FieldValue valueJoiningSubcomponents(Segment segment, FieldPosition position) {
        if (position.subcomponent() > 0) {
            return value(segment, position);
        }
        List<Type> reps = repetitions(segment, position.field());
        if (reps.isEmpty()) {
            return FieldValue.ABSENT;
        }
        Type rep = reps.get(0);
        if (isClear(rep)) {
            return FieldValue.CLEAR;
        }
        Type component = pick(rep, Math.max(position.component(), 1));
        if (!(component instanceof Composite c)) {
            return valueOf(rep, position.component(), 0);
        }
        String joined = "";
        for (int i = 1; i <= c.getComponents().length; i++) {
            String part = text(rep, Math.max(position.component(), 1), i).trim();
            if (part.isEmpty() || containsWords(joined, part)) {
                continue;
            }
            joined = containsWords(part, joined) ? part : joined.isEmpty() ? part : joined + " " + part;
        }
        return joined.isEmpty() ? FieldValue.CLEAR : new FieldValue.Present(joined);
    }

    /** True when {@code words} occurs in {@code text} as whole words, ignoring case. */
    private static boolean containsWords(String text, String words) {
        if (words.isEmpty()) {
            return true;
        }
        String t = " " + text.toLowerCase(java.util.Locale.ROOT) + " ";
        return t.contains(" " + words.toLowerCase(java.util.Locale.ROOT) + " ");
    }

    /** What one repetition says at a component/sub-component (0 = the first primitive). */
    public FieldValue valueOf(Type type, int component, int subcomponent) {
        if (isClear(type)) {
            return FieldValue.CLEAR;
        }
        // Within a field that is present, an empty component is part of the sender's current value.
        String v = text(type, component, subcomponent);
        return v.isEmpty() ? FieldValue.CLEAR : new FieldValue.Present(v);
    }

    /** The decoded text at a component of one repetition, "" when empty. */
    public String text(Type type, int component, int subcomponent) {
        Type t = pick(type, Math.max(component, 1));
        if (subcomponent > 0 || t instanceof Composite || t instanceof Varies) {
            t = pick(t, Math.max(subcomponent, 1));
        }
        if (t instanceof Primitive p) {
            String v = p.getValue();
            return v == null ? "" : HexEscapes.decode(v, encoding.getEscapeCharacter(), charset);
        }
        return "";
    }

    /**
     * True when a field repetition is the HL7 null value {@code ""}: "delete what you have". That is
     * what it encodes to exactly {@code ""}: its first primitive is {@code ""} and every other one
     * (extra components included) is empty. Read from the parsed values, not by encoding the field again.
     */
    public boolean isClear(Type type) {
        List<String> leaves = new ArrayList<>();
        leaves(type, leaves);
        if (leaves.isEmpty() || !"\"\"".equals(leaves.get(0))) {
            return false;
        }
        for (int i = 1; i < leaves.size(); i++) {
            if (leaves.get(i) != null && !leaves.get(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The primitive values of a field repetition in encoding order (null for an unset primitive). */
    private static void leaves(Type type, List<String> out) {
        Type t = type instanceof Varies v ? v.getData() : type;
        if (t instanceof Primitive p) {
            out.add(p.getValue());
        } else if (t instanceof Composite c) {
            for (Type component : c.getComponents()) {
                leaves(component, out);
            }
        }
        ExtraComponents extra = t == null ? null : t.getExtraComponents();
        for (int i = 0; extra != null && i < extra.numComponents(); i++) {
            leaves(extra.getComponent(i), out);
        }
    }

    private static Type pick(Type type, int index) {
        Type t = type instanceof Varies v ? v.getData() : type;
        if (t instanceof Composite c) {
            Type[] components = c.getComponents();
            if (index - 1 < components.length) {
                Type inner = components[index - 1];
                return inner instanceof Varies v ? v.getData() : inner;
            }
            return null;
        }
        return index == 1 ? t : null;
    }
}
