package com.webptbridge.billing;

/**
 * The billing Patient Info fields a WebPT ADT or DFT maintains. The profile names where each comes
 * from; the store names the column.
 */
public enum PatientField {
    LAST_NAME("lastName"),
    FIRST_NAME("firstName"),
    MIDDLE_NAME("middleName"),
    SUFFIX("suffix"),
    DATE_OF_BIRTH("dateOfBirth"),
    SEX("sex"),
    ADDRESS_LINE1("addressLine1"),
    ADDRESS_LINE2("addressLine2"),
    CITY("city"),
    STATE("state"),
    ZIP("zip"),
    COUNTRY("country"),
    HOME_PHONE("homePhone"),
    WORK_PHONE("workPhone"),
    MOBILE_PHONE("mobilePhone"),
    EMAIL("email"),
    MARITAL_STATUS("maritalStatus"),
    SSN("ssn"),
    LANGUAGE("language");

    private final String profileName;

    PatientField(String profileName) {
        this.profileName = profileName;
    }

    /** The column that holds it in the billing patient table: the name in snake case (LAST_NAME is last_name). */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The key used in the mapping profile and the API's JSON. */
    public String profileName() {
        return profileName;
    }
}
