package com.webptbridge.files;

import com.webptbridge.billing.PatientField;
import com.webptbridge.mapping.CsvColumns;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of a demographic CSV export and the names exports give them. Each but the patient ID
 * is a Patient Info field; the row becomes an ADT^A28 that places it where WebPT's own messages do.
 */
enum PatientColumn {
    PATIENT_ID(
            null,
            "Patient ID",
            "MRN",
            "Medical Record Number",
            "Patient Number",
            "Patient #",
            "Account Number",
            "Account #",
            "Chart Number",
            "WebPT ID",
            "ID"),
    LAST_NAME(PatientField.LAST_NAME, "Last Name", "Last", "Surname", "Patient Last Name", "Family Name"),
    FIRST_NAME(PatientField.FIRST_NAME, "First Name", "First", "Given Name", "Patient First Name"),
    MIDDLE_NAME(PatientField.MIDDLE_NAME, "Middle Name", "Middle", "Middle Initial", "MI"),
    SUFFIX(PatientField.SUFFIX, "Suffix", "Name Suffix"),
    DATE_OF_BIRTH(PatientField.DATE_OF_BIRTH, "Date of Birth", "DOB", "Birth Date", "Birthdate"),
    SEX(PatientField.SEX, "Sex", "Gender"),
    ADDRESS_LINE1(PatientField.ADDRESS_LINE1, "Address Line 1", "Address 1", "Address1", "Address", "Street"),
    ADDRESS_LINE2(PatientField.ADDRESS_LINE2, "Address Line 2", "Address 2", "Address2", "Apt", "Suite"),
    CITY(PatientField.CITY, "City"),
    STATE(PatientField.STATE, "State", "State Code", "Province"),
    ZIP(PatientField.ZIP, "Zip", "Zip Code", "Postal Code", "ZIP+4"),
    COUNTRY(PatientField.COUNTRY, "Country"),
    HOME_PHONE(PatientField.HOME_PHONE, "Home Phone", "Phone", "Phone Number", "Primary Phone"),
    WORK_PHONE(PatientField.WORK_PHONE, "Work Phone", "Business Phone"),
    MOBILE_PHONE(PatientField.MOBILE_PHONE, "Mobile Phone", "Cell Phone", "Cell", "Mobile"),
    EMAIL(PatientField.EMAIL, "Email", "E-mail", "Email Address"),
    MARITAL_STATUS(PatientField.MARITAL_STATUS, "Marital Status"),
    SSN(PatientField.SSN, "SSN", "Social Security Number", "Social Security #"),
    LANGUAGE(PatientField.LANGUAGE, "Language", "Primary Language");

    private final PatientField field;
    private final List<String> names;

    PatientColumn(PatientField field, String... names) {
        this.field = field;
        this.names = Arrays.asList(names);
    }

    PatientField field() {
        return field;
    }

    static CsvColumns<PatientColumn> columns() {
        return new CsvColumns<>(Arrays.stream(values())
                .map(c -> new CsvColumns.Field<>(c, c.names))
                .toList());
    }
}
