package com.webptbridge.billing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The five kinds of billing reference data, each the one home of what the engine knows about it:
 * its API path and CLI name, its table and maintained fields, the instruction an analyst reads once
 * a record exists, and which waiting messages a new or reactivated record releases. Procedure codes
 * are addressed by code, the others by Sequence Number. The NAK and worklist sentences about a kind
 * are in {@code hl7.Sentence}.
 */
public enum ReferenceKind {
    PAYER(
            "payers",
            "payer",
            "payer",
            null,
            List.of(
                    Field.text("name", "name", true, 200, "Payer name as the billing system shows it"),
                    Field.text("payerId", "payer_id", true, 50, "Electronic payer ID"),
                    Field.text("addressLine1", "address_line1", false, 200, "Street address, first line"),
                    Field.text("city", "city", false, 100, "City"),
                    Field.text("state", "state", false, 50, "State, e.g. IL"),
                    Field.text("zip", "zip", false, 20, "ZIP code"),
                    Field.text("planType", "plan_type", false, 50, "Plan type, e.g. Commercial or Medicare"))),
    FACILITY(
            "facilities",
            "facility",
            "facility",
            null,
            List.of(
                    Field.text("name", "name", true, 200, "Facility name"),
                    new Field("npi", "npi", Check.NPI, false, 10, "10-digit NPI (check digit verified)"),
                    new Field(
                            "placeOfService",
                            "place_of_service",
                            Check.PLACE_OF_SERVICE,
                            false,
                            2,
                            "2-digit place of service code, e.g. 11"),
                    Field.text("addressLine1", "address_line1", false, 200, "Street address, first line"),
                    Field.text("city", "city", false, 100, "City"),
                    Field.text("state", "state", false, 50, "State, e.g. IL"),
                    Field.text("zip", "zip", false, 20, "ZIP code"))),
    PROVIDER(
            "providers",
            "provider",
            "provider",
            null,
            List.of(
                    Field.text("lastName", "last_name", true, 100, "Last name"),
                    Field.text("firstName", "first_name", true, 100, "First name"),
                    new Field(
                            "npi",
                            "npi",
                            Check.NPI,
                            true,
                            10,
                            "10-digit NPI (check digit verified); must match the NPI WebPT sends"),
                    Field.text("taxonomy", "taxonomy", false, 20, "Taxonomy code, e.g. 225100000X"))),
    REFERRING_PROVIDER(
            "referring-providers",
            "referring-provider",
            "referring provider",
            "npi",
            List.of(
                    Field.text("lastName", "last_name", true, 100, "Last name"),
                    Field.text("firstName", "first_name", true, 100, "First name"),
                    new Field(
                            "npi",
                            "npi",
                            Check.NPI,
                            true,
                            10,
                            "10-digit NPI (check digit verified); messages name the referring provider by it"))),
    PROCEDURE_CODE(
            "procedure-codes",
            "procedure-code",
            "procedure code",
            "code",
            List.of(
                    new Field("code", "code", Check.PROCEDURE_CODE, true, 10, "5-character CPT/HCPCS code, e.g. 97110"),
                    Field.text(
                            "description",
                            "description",
                            true,
                            200,
                            "What the code is, e.g. Therapeutic exercise 15 min"),
                    new Field(
                            "defaultCharge",
                            "default_charge",
                            Check.AMOUNT,
                            false,
                            12,
                            "Charge per unit when the message gives no amount, e.g. 45.00"),
                    new Field(
                            "defaultUnits",
                            "default_units",
                            Check.UNITS,
                            false,
                            4,
                            "Units when the message gives none (without it: 1)"),
                    new Field(
                            "defaultRevenueCode",
                            "default_revenue_code",
                            Check.REVENUE_CODE,
                            false,
                            4,
                            "4-digit revenue code when the message gives none, e.g. 0420")));

    private final String path;
    private final String cliName;
    private final String noun;
    private final String uniqueField;
    private final List<Field> fields;

    ReferenceKind(String path, String cliName, String noun, String uniqueField, List<Field> fields) {
        this.path = path;
        this.cliName = cliName;
        this.noun = noun;
        this.uniqueField = uniqueField;
        this.fields = fields;
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

    /** The fields an analyst maintains, in API order. */
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
        PROCEDURE_CODE,
        AMOUNT,
        UNITS,
        REVENUE_CODE
    }

    /**
     * One maintained field: its JSON name, column, check, whether it is required, its width, and the
     * short description an analyst reads in the CLI's help.
     */
    public record Field(String json, String column, Check check, boolean required, int max, String description) {
        static Field text(String json, String column, boolean required, int max, String description) {
            return new Field(json, column, Check.TEXT, required, max, description);
        }

        /** The CLI option, e.g. {@code --default-revenue-code} for defaultRevenueCode. */
        public String option() {
            return "--" + json.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        }
    }
}
