package com.webptbridge.api;

import com.webptbridge.billing.PatientField;
import com.webptbridge.store.billing.PatientAccount;
import com.webptbridge.store.billing.PatientRecord;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/patients/{id}}: Patient Info, then the patient's policies and encounters. Fields
 * without a value are written as null, so a reader sees every field the billing side keeps.
 */
record PatientJson(
        String patientId,
        String lastName,
        String firstName,
        String middleName,
        String suffix,
        LocalDate dateOfBirth,
        String sex,
        Address address,
        String homePhone,
        String workPhone,
        String mobilePhone,
        String email,
        String maritalStatus,
        String ssn,
        String language,
        List<PolicyJson> insurances,
        List<EncounterJson> encounters) {

    record Address(String line1, String line2, String city, String state, String zip, String country) {}

    static PatientJson of(
            PatientRecord p, List<PatientAccount.PolicyView> policies, List<PatientAccount.EncounterView> encounters) {
        return new PatientJson(
                p.patientId(),
                text(p, PatientField.LAST_NAME),
                text(p, PatientField.FIRST_NAME),
                text(p, PatientField.MIDDLE_NAME),
                text(p, PatientField.SUFFIX),
                (LocalDate) p.get(PatientField.DATE_OF_BIRTH),
                text(p, PatientField.SEX),
                new Address(
                        text(p, PatientField.ADDRESS_LINE1),
                        text(p, PatientField.ADDRESS_LINE2),
                        text(p, PatientField.CITY),
                        text(p, PatientField.STATE),
                        text(p, PatientField.ZIP),
                        text(p, PatientField.COUNTRY)),
                text(p, PatientField.HOME_PHONE),
                text(p, PatientField.WORK_PHONE),
                text(p, PatientField.MOBILE_PHONE),
                text(p, PatientField.EMAIL),
                text(p, PatientField.MARITAL_STATUS),
                text(p, PatientField.SSN),
                text(p, PatientField.LANGUAGE),
                policies.stream().map(PolicyJson::of).toList(),
                encounters.stream().map(EncounterJson::of).toList());
    }

    /** The store keeps every Patient Info field but the date of birth as text. */
    private static String text(PatientRecord p, PatientField field) {
        return (String) p.get(field);
    }
}
