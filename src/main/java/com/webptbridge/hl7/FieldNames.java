package com.webptbridge.hl7;

import ca.uhn.hl7v2.model.GenericMessage;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.DefaultModelClassFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The names HL7 v2.5.1 gives a segment's fields (HAPI's structure classes), e.g. PID-5 "Patient
 * Name", for showing a message as a table. A segment HAPI does not know (a Z-segment) has none.
 */
public final class FieldNames {

    private static final Pattern SEGMENT = Pattern.compile("[A-Z][A-Z0-9]{2}");
    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();

    private FieldNames() {}

    /** Field names in order (index 0 is field 1); empty for an unknown segment. */
    public static List<String> of(String segment) {
        if (segment == null || !SEGMENT.matcher(segment).matches()) {
            return List.of();
        }
        return CACHE.computeIfAbsent(segment, FieldNames::load);
    }

    private static List<String> load(String segment) {
        try {
            Class<?> type = Class.forName("ca.uhn.hl7v2.model.v251.segment." + segment);
            GenericMessage parent = new GenericMessage.V251(new DefaultModelClassFactory());
            Segment s = (Segment)
                    type.getConstructor(ca.uhn.hl7v2.model.Group.class, ca.uhn.hl7v2.parser.ModelClassFactory.class)
                            .newInstance(parent, new DefaultModelClassFactory());
            return List.of(s.getNames());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return List.of();
        }
    }
}
