package com.webptbridge.mapping;

import com.webptbridge.hl7.Sentence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The encounter's diagnosis list as charges point into it. DG1 codes come first, in priority order;
 * FT1-19 (CE, repeating) then names each charge's diagnoses. In HL7 v2.3 to v2.5.1 it holds codes:
 * a code a DG1 lists points at it, and any other code is added to the list and pointed at. WebPT
 * writes DG1 set IDs there instead: a bare number equal to a DG1-1 points at that DG1. The profile
 * can pin one reading ({@code readings.diagnosisPointers: codes | setIds}).
 */
final class Diagnoses {

    /** How FT1-19's values are read. */
    enum Reading {
        AUTO,
        CODES,
        SET_IDS
    }

    private final List<String> codes;
    private final Map<Integer, String> bySetId;
    private final Reading reading;

    Diagnoses(List<String> codes, Map<Integer, String> bySetId, Reading reading) {
        this.codes = new ArrayList<>(codes);
        this.bySetId = new HashMap<>(bySetId);
        this.reading = reading;
    }

    /** What a charge points at, or why it cannot. */
    sealed interface Pointer {
        record To(int position, boolean added) implements Pointer {}

        /** The value, and the sentence that says why it points at nothing. */
        record Unknown(Sentence why, String value) implements Pointer {}
    }

    Pointer pointer(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        int index = codes.indexOf(v);
        if (index >= 0 && reading != Reading.SET_IDS) {
            return new Pointer.To(index + 1, false);
        }
        if (reading != Reading.CODES && v.matches("\\d{1,4}")) {
            String code = bySetId.get(Integer.parseInt(v));
            return code != null
                    ? new Pointer.To(codes.indexOf(code) + 1, false)
                    : new Pointer.Unknown(Sentence.POINTER_WITHOUT_DG1, v);
        }
        if (reading == Reading.SET_IDS) {
            return new Pointer.Unknown(Sentence.POINTER_NOT_A_SET_ID, v);
        }
        codes.add(v);
        return new Pointer.To(codes.size(), true);
    }

    /** The list with the codes charges added, in order. */
    List<String> codes() {
        return List.copyOf(codes);
    }
}
