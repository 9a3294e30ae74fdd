package com.webptbridge.mapping;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * IN1-17 read as HL7 table 0063 (relationship to the patient): its codes as they are, and the words
 * and X12 codes senders write instead ({@code Self}, {@code Spouse}, {@code 18}) as the code each
 * means, so the billing system always stores a table value, never free text.
 */
final class InsuredRelationship {

    static final String SELF = "SEL";

    private static final Set<String> TABLE_0063 = Set.of(
            "SEL", "SPO", "DOM", "CHD", "GCH", "NCH", "SCH", "FCH", "DEP", "WRD", "PAR", "MTH", "FTH", "CGV", "GRD",
            "GRP", "EXF", "SIB", "BRO", "SIS", "FND", "OAD", "EME", "EMR", "ASC", "EMC", "OWN", "TRA", "MGR", "NON",
            "UNK", "OTH");

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("SELF", "SEL"),
            Map.entry("PATIENT", "SEL"),
            Map.entry("INSURED", "SEL"),
            Map.entry("SPOUSE", "SPO"),
            Map.entry("WIFE", "SPO"),
            Map.entry("HUSBAND", "SPO"),
            Map.entry("LIFE PARTNER", "DOM"),
            Map.entry("DOMESTIC PARTNER", "DOM"),
            Map.entry("PARTNER", "DOM"),
            Map.entry("CHILD", "CHD"),
            Map.entry("SON", "CHD"),
            Map.entry("DAUGHTER", "CHD"),
            Map.entry("NATURAL CHILD", "NCH"),
            Map.entry("STEPCHILD", "SCH"),
            Map.entry("STEP CHILD", "SCH"),
            Map.entry("FOSTER CHILD", "FCH"),
            Map.entry("GRANDCHILD", "GCH"),
            Map.entry("DEPENDENT", "DEP"),
            Map.entry("WARD", "WRD"),
            Map.entry("PARENT", "PAR"),
            Map.entry("MOTHER", "MTH"),
            Map.entry("FATHER", "FTH"),
            Map.entry("GUARDIAN", "GRD"),
            Map.entry("CAREGIVER", "CGV"),
            Map.entry("GRANDPARENT", "GRP"),
            Map.entry("SIBLING", "SIB"),
            Map.entry("BROTHER", "BRO"),
            Map.entry("SISTER", "SIS"),
            Map.entry("FRIEND", "FND"),
            Map.entry("EMPLOYEE", "EME"),
            Map.entry("EMPLOYER", "EMR"),
            Map.entry("OTHER", "OTH"),
            Map.entry("UNKNOWN", "UNK"),
            // X12 individual relationship codes, which billing-minded senders use.
            Map.entry("18", "SEL"),
            Map.entry("01", "SPO"),
            Map.entry("19", "CHD"),
            Map.entry("20", "EME"),
            Map.entry("21", "UNK"),
            Map.entry("G8", "OTH"));

    private InsuredRelationship() {}

    /** The table 0063 code {@code written} means, or null when it is neither a code nor a known word. */
    static String code(String written) {
        String word = written.trim().toUpperCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        if (TABLE_0063.contains(word)) {
            return word;
        }
        return WORDS.get(word);
    }
}
