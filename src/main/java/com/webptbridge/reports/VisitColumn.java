package com.webptbridge.reports;

import com.webptbridge.mapping.CsvColumns;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of WebPT's list of billed visits and the names its exports (and the people who edit
 * them) give them. Matched as the reference import matches headers: ignoring case, spaces and
 * punctuation.
 */
enum VisitColumn {
    PATIENT_ID(
            true,
            "Patient ID",
            "MRN",
            "Medical Record Number",
            "Patient Number",
            "Patient #",
            "Account Number",
            "Chart Number",
            "WebPT ID"),
    SERVICE_DATE(true, "Date of Service", "DOS", "Service Date", "Visit Date", "Date"),
    PROCEDURE_CODE(true, "Procedure Code", "CPT", "CPT Code", "HCPCS", "Code", "Billing Code"),
    UNITS(true, "Units", "Unit", "Qty", "Quantity"),
    AMOUNT(false, "Amount", "Charge", "Charges", "Charge Amount", "Billed Amount", "Fee"),
    VISIT_ID(false, "Visit ID", "Claim ID", "Claim Number", "Claim #", "Visit Number", "Encounter ID");

    private final boolean required;
    private final List<String> names;

    VisitColumn(boolean required, String... names) {
        this.required = required;
        this.names = Arrays.asList(names);
    }

    boolean required() {
        return required;
    }

    /** The first name, as a sentence shows it. */
    String title() {
        return names.get(0);
    }

    static CsvColumns<VisitColumn> columns() {
        return new CsvColumns<>(Arrays.stream(values())
                .map(c -> new CsvColumns.Field<>(c, c.names))
                .toList());
    }
}
