package com.webptbridge.reference;

/**
 * Why an import leaves a row out, each with the sentence an analyst reads in the preview: what is
 * wrong and where to fix it (the billing system's export, or a record here). A refused row changes
 * nothing; the other rows are applied.
 */
public enum ImportRefusal {
    /** The row's Sequence Number is another record's here (by its name). */
    SEQUENCE_NUMBER_TAKEN(
            "Sequence Number %s is already %s here, not %s: WebPT's Alternate IDs point at it, so it is not"
                    + " renamed by an import. Check the export, or change the record here first."),
    /** The row's NPI (or other field no two records share) belongs to another record. */
    NPI_TAKEN("The %s %s already belongs to %s: an NPI belongs to one record. Check the export against NPPES,"
            + " or correct that record first."),
    /** An NPI that is not 10 digits with a valid check digit. */
    BAD_NPI("The %s %s is not a valid NPI (10 digits, the last a check digit): check it against NPPES and"
            + " correct it in the billing system's export."),
    /** The row repeats an earlier row's record (same Sequence Number, code, NPI or name). */
    DUPLICATE_ROW("This row repeats row %s (the same %s %s): only the first is imported; remove one from the file."),
    /** A field the maintenance rules refuse (a missing name, a bad place of service, ...). */
    INVALID("The row is not valid: %s.");

    private final String template;

    ImportRefusal(String template) {
        this.template = template;
    }

    /** The sentence with its blanks filled. */
    public String sentence(Object... args) {
        return String.format(template, args);
    }
}
