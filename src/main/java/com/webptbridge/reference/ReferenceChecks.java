package com.webptbridge.reference;

import com.webptbridge.billing.PayerClass;
import com.webptbridge.billing.ProcedureCode;
import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.ReferenceKind.Field;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The field checks of reference data, one home for an analyst's change and an import's row alike:
 * required fields, widths, the NPI check digit, place of service, CPT/HCPCS form, amounts, units and
 * revenue codes, each problem a sentence naming the field.
 */
final class ReferenceChecks {

    private ReferenceChecks() {}

    /**
     * The problems of the kind's fields in {@code body} (and, when creating, the required ones
     * missing), each a sentence naming the field; the valid ones go to {@code values}, column-ready.
     * An import checks its rows with the same rules.
     */
    static List<String> check(ReferenceKind kind, Map<String, ?> body, boolean creating, Map<String, Object> values) {
        List<String> problems = new ArrayList<>();
        for (Field f : kind.fields()) {
            Object raw = body.get(f.json());
            if (raw != null && !(raw instanceof String) && !(raw instanceof Number && numeric(f))) {
                // A JSON object, list or true/false is never stored as its text.
                problems.add(f.json() + " must be " + (numeric(f) ? "a number or text" : "text (a JSON string)")
                        + ", was " + JsonTypes.describe(raw));
                continue;
            }
            String text = raw == null ? "" : String.valueOf(raw).trim();
            if (text.isEmpty()) {
                if (creating && f.required()) {
                    problems.add(f.json() + " is required");
                }
                continue;
            }
            String problem = check(f, text);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            values.put(f.json(), convert(f, text));
        }
        return problems;
    }

    /** Whether a field holds a number, which a JSON body may send as a number as well as text. */
    private static boolean numeric(Field f) {
        return f.check() == ReferenceKind.Check.AMOUNT || f.check() == ReferenceKind.Check.UNITS;
    }

    private static String check(Field f, String text) {
        if (text.length() > f.max() && f.check() == ReferenceKind.Check.TEXT) {
            return f.json() + " is longer than " + f.max() + " characters";
        }
        return switch (f.check()) {
            case NPI -> Npi.valid(text)
                    ? null
                    : f.json() + " " + text + " is not a valid NPI (10 digits, the last a"
                            + " check digit): check it against NPPES";
            case PLACE_OF_SERVICE -> text.matches("\\d{2}")
                    ? null
                    : f.json() + " must be a 2-digit place of service code (e.g. 11)";
            case PAYER_CLASS -> PayerClass.of(text).isPresent()
                    ? null
                    : f.json() + " '" + text + "' is not a payer class: use one of " + PayerClass.list();
            case PROCEDURE_CODE -> ProcedureCode.wellFormed(text)
                    ? null
                    : f.json() + " must be a 5-character CPT/HCPCS code";
            case AMOUNT -> text.matches("\\d{1,9}(\\.\\d{1,2})?") ? null : f.json() + " must be an amount like 45.00";
            case UNITS -> text.matches("\\d{1,4}") && Integer.parseInt(text) > 0
                    ? null
                    : f.json() + " must be a whole number of 1 or more";
            case REVENUE_CODE -> text.matches("\\d{4}")
                    ? null
                    : f.json() + " must be a 4-digit revenue code (e.g. 0420)";
            case TEXT -> null;
        };
    }

    private static Object convert(Field f, String text) {
        return switch (f.check()) {
            case AMOUNT -> new BigDecimal(text);
            case UNITS -> Integer.valueOf(text);
            case PROCEDURE_CODE -> text.toUpperCase(Locale.ROOT);
            case PAYER_CLASS -> PayerClass.of(text).orElseThrow().id();
            default -> text;
        };
    }
}
