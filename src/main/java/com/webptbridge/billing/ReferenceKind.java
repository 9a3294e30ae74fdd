package com.webptbridge.billing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The five kinds of billing reference data, each the one home of what the engine knows about it:
 * its API path and CLI name, its table, its record (whose {@link Maintained} components are the
 * maintained fields), the instruction an analyst reads once a record exists, and which waiting
 * messages a new or reactivated record releases. Procedure codes are addressed by code, the others
 * by Sequence Number. The NAK and worklist sentences about a kind are in {@code hl7.Sentence}.
 */
public enum ReferenceKind {
    PAYER("payers", "payer", "payer", null, Payer.class),
    FACILITY("facilities", "facility", "facility", null, Facility.class),
    PROVIDER("providers", "provider", "provider", null, Provider.class),
    REFERRING_PROVIDER(
            "referring-providers", "referring-provider", "referring provider", "npi", ReferringProvider.class),
    PROCEDURE_CODE("procedure-codes", "procedure-code", "procedure code", "code", ProcedureCode.class);

    private final String path;
    private final String cliName;
    private final String noun;
    private final String uniqueField;
    private final Class<? extends Record> recordClass;
    private final List<Field> fields;

    ReferenceKind(String path, String cliName, String noun, String uniqueField, Class<? extends Record> recordClass) {
        this.path = path;
        this.cliName = cliName;
        this.noun = noun;
        this.uniqueField = uniqueField;
        this.recordClass = recordClass;
        this.fields = Arrays.stream(recordClass.getRecordComponents())
                .filter(c -> c.isAnnotationPresent(Maintained.class))
                .map(c -> {
                    Maintained m = c.getAnnotation(Maintained.class);
                    return new Field(
                            c.getName(), column(c.getName()), m.check(), m.required(), m.max(), m.description());
                })
                .toList();
    }

    /** The record that declares this kind's fields (its components are the JSON names, CSV header and columns). */
    public Class<? extends Record> recordClass() {
        return recordClass;
    }

    /** The column of a record component: its name in snake_case, e.g. addressLine1 to address_line1. */
    public static String column(String component) {
        return component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The plural in the API path and the seed file name, e.g. {@code referring-providers}. */
    public String path() {
        return path;
    }

    /** The CLI command, e.g. {@code referring-provider}; also how a waiting message names the kind. */
    public String cliName() {
        return cliName;
    }

    /** The kind in a sentence, e.g. "referring provider". */
    public String noun() {
        return noun;
    }

    /** The table that holds the records. */
    public String table() {
        return cliName.replace('-', '_');
    }

    /** A field that must be unique besides the Sequence Number (referring NPI, procedure code), or null. */
    public String uniqueField() {
        return uniqueField;
    }

    /**
     * Fields no two records of this kind may share: the unique field, and a rendering provider's NPI
     * (an NPI belongs to one provider; two billing providers with WebPT's NPI could never both match).
     */
    public List<String> distinctFields() {
        if (this == PROVIDER) {
            return List.of("npi");
        }
        return uniqueField == null ? List.of() : List.of(uniqueField);
    }

    /** The fields an analyst maintains, in API order: the record's {@link Maintained} components. */
    public List<Field> fields() {
        return fields;
    }

    public Field field(String json) {
        return fields.stream()
                .filter(f -> f.json().equals(json))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(noun + " has no field " + json));
    }

    /** True when records are addressed by code rather than Sequence Number. */
    public boolean addressedByCode() {
        return this == PROCEDURE_CODE;
    }

    /** The kind whose API path is {@code path}; a typo fails naming the valid paths. */
    public static ReferenceKind byPath(String path) {
        return Arrays.stream(values())
                .filter(k -> k.path.equals(path))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown reference kind '" + path + "': use one of "
                        + Arrays.stream(values()).map(ReferenceKind::path).collect(Collectors.joining(", "))
                        + "."));
    }

    /** True when {@code path} names a kind (for routing requests that may be about something else). */
    public static boolean isPath(String path) {
        return Arrays.stream(values()).anyMatch(k -> k.path.equals(path));
    }

    /** The waiting kinds a new or reactivated record of this kind releases (a provider also ends NPI mismatches). */
    public List<WaitingKind> releases() {
        return Arrays.stream(WaitingKind.values())
                .filter(w -> w.releasedBy() == this)
                .toList();
    }

    /** The key waiting messages carry for this record: its NPI, code or Sequence Number. */
    public String waitingKey(Map<String, Object> record) {
        Object key =
                switch (this) {
                    case REFERRING_PROVIDER -> record.get("npi");
                    case PROCEDURE_CODE -> record.get("code");
                    default -> record.get("sequenceNumber");
                };
        return String.valueOf(key);
    }

    /** What the analyst does in WebPT once the record exists. */
    public String instructions(Map<String, Object> record) {
        Object seq = record.get("sequenceNumber");
        return switch (this) {
            case PAYER -> "Enter " + seq + " as this payer's Alternate ID in WebPT (Payer Alternate ID).";
            case FACILITY -> "Enter " + seq + " as this facility's Alternate ID in WebPT (Facility Alternate ID), and"
                    + " tell WebPT the number.";
            case PROVIDER -> "Enter " + seq + " as this provider's Alternate ID in WebPT; the provider's NPI in WebPT"
                    + " must be " + record.get("npi") + ".";
            case REFERRING_PROVIDER -> "Referring providers are matched by NPI: WebPT must send NPI "
                    + record.get("npi") + " for this provider.";
            case PROCEDURE_CODE -> "Charges with " + record.get("code") + " can now be posted"
                    + (record.get("defaultRevenueCode") == null
                            ? "."
                            : " and take revenue code " + record.get("defaultRevenueCode")
                                    + " unless the message names one.");
        };
    }

    /** How a field's value is checked. */
    public enum Check {
        TEXT,
        NPI,
        PLACE_OF_SERVICE,
        /** One of {@link PayerClass}'s ids. */
        PAYER_CLASS,
        PROCEDURE_CODE,
        AMOUNT,
        UNITS,
        REVENUE_CODE
    }

    /**
     * One maintained field, as its record component declares it: its JSON name, column, check,
     * whether it is required, its width, and the short description an analyst reads in the CLI's help.
     */
    public record Field(String json, String column, Check check, boolean required, int max, String description) {

        /** Words an analyst reads for an abbreviation in a field's name (the rest is written out as it is). */
        private static final Map<String, String> WORDS = Map.of("npi", "NPI", "id", "ID", "zip", "ZIP code");

        /**
         * The field as a form labels it, from its name: {@code payerId} is "Payer ID", {@code
         * addressLine1} "Address line 1", {@code npi} "NPI", {@code placeOfService} "Place of service".
         */
        public String label() {
            String[] words = json.split("(?<=[a-z])(?=[A-Z0-9])");
            StringBuilder out = new StringBuilder();
            for (String word : words) {
                String lower = word.toLowerCase(Locale.ROOT);
                String w = WORDS.getOrDefault(lower, lower);
                out.append(out.length() == 0 ? "" : " ")
                        .append(out.length() == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
            }
            return out.toString();
        }

        /** The CLI option, e.g. {@code --default-revenue-code} for defaultRevenueCode. */
        public String option() {
            return "--" + json.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        }
    }
}
