package com.webptbridge.reference;

import java.util.List;

/**
 * The five kinds of billing reference data as maintenance sees them: table, the JSON fields an
 * analyst sends and their columns and checks, and the sentence that tells the analyst what to do in
 * WebPT once a record exists. Procedure codes are addressed by code, the others by Sequence Number.
 */
public enum ReferenceKind {
    PAYER("payers", "payer", "payer", null, List.of(
            Field.text("name", "name", true, 200), Field.text("payerId", "payer_id", true, 50),
            Field.text("addressLine1", "address_line1", false, 200), Field.text("city", "city", false, 100),
            Field.text("state", "state", false, 50), Field.text("zip", "zip", false, 20),
            Field.text("planType", "plan_type", false, 50))),
    FACILITY("facilities", "facility", "facility", null, List.of(
            Field.text("name", "name", true, 200), new Field("npi", "npi", Check.NPI, false, 10),
            new Field("placeOfService", "place_of_service", Check.PLACE_OF_SERVICE, false, 2),
            Field.text("addressLine1", "address_line1", false, 200), Field.text("city", "city", false, 100),
            Field.text("state", "state", false, 50), Field.text("zip", "zip", false, 20))),
    PROVIDER("providers", "provider", "provider", null, List.of(
            Field.text("lastName", "last_name", true, 100), Field.text("firstName", "first_name", true, 100),
            new Field("npi", "npi", Check.NPI, true, 10), Field.text("taxonomy", "taxonomy", false, 20))),
    REFERRING_PROVIDER("referring-providers", "referring_provider", "referring provider", "npi", List.of(
            Field.text("lastName", "last_name", true, 100), Field.text("firstName", "first_name", true, 100),
            new Field("npi", "npi", Check.NPI, true, 10))),
    PROCEDURE_CODE("procedure-codes", "procedure_code", "procedure code", "code", List.of(
            new Field("code", "code", Check.PROCEDURE_CODE, true, 10), Field.text("description", "description", true, 200),
            new Field("defaultCharge", "default_charge", Check.AMOUNT, false, 12),
            new Field("defaultUnits", "default_units", Check.UNITS, false, 4),
            new Field("defaultRevenueCode", "default_revenue_code", Check.REVENUE_CODE, false, 4)));

    private final String path;
    private final String table;
    private final String noun;
    private final String uniqueField;
    private final List<Field> fields;

    ReferenceKind(String path, String table, String noun, String uniqueField, List<Field> fields) {
        this.path = path;
        this.table = table;
        this.noun = noun;
        this.uniqueField = uniqueField;
        this.fields = fields;
    }

    /** The plural used in the API path and the CLI, e.g. {@code referring-providers}. */
    public String path() {
        return path;
    }

    String table() {
        return table;
    }

    public String noun() {
        return noun;
    }

    /** A field that must be unique besides the Sequence Number (referring NPI, procedure code), or null. */
    String uniqueField() {
        return uniqueField;
    }

    List<Field> fields() {
        return fields;
    }

    /** True when records are addressed by code rather than Sequence Number. */
    public boolean addressedByCode() {
        return this == PROCEDURE_CODE;
    }

    public static ReferenceKind byPath(String path) {
        for (ReferenceKind k : values()) {
            if (k.path.equals(path)) {
                return k;
            }
        }
        return null;
    }

    /** What the analyst does in WebPT once the record exists. */
    String instructions(java.util.Map<String, Object> record) {
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
                    + (record.get("defaultRevenueCode") == null ? "." : " and take revenue code "
                    + record.get("defaultRevenueCode") + " unless the message names one.");
        };
    }

    /** How a field's value is checked. */
    enum Check { TEXT, NPI, PLACE_OF_SERVICE, PROCEDURE_CODE, AMOUNT, UNITS, REVENUE_CODE }

    /** One maintained field: its JSON name, column, check, whether it is required, and its width. */
    record Field(String json, String column, Check check, boolean required, int max) {
        static Field text(String json, String column, boolean required, int max) {
            return new Field(json, column, Check.TEXT, required, max);
        }
    }
}
