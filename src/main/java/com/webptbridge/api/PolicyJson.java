package com.webptbridge.api;

import com.webptbridge.billing.Coverage;
import com.webptbridge.store.billing.PatientAccount;

import java.time.LocalDate;

/** One insurance policy in {@code GET /api/patients/{id}} ({@code insurances}). */
record PolicyJson(
        int priority,
        Payer payer,
        String memberId,
        String groupNumber,
        String groupName,
        LocalDate effectiveDate,
        LocalDate expirationDate,
        Insured insured) {

    record Payer(long sequenceNumber, String name) {}

    record Insured(
            String lastName,
            String firstName,
            String relationship,
            LocalDate dateOfBirth,
            String sex,
            Address address) {}

    record Address(String line1, String line2, String city, String state, String zip) {}

    static PolicyJson of(PatientAccount.PolicyView view) {
        Coverage p = view.coverage();
        return new PolicyJson(
                view.priority(),
                new Payer(view.payerSequence(), view.payerName()),
                p.memberId(),
                p.groupNumber(),
                p.groupName(),
                p.effectiveDate(),
                p.expirationDate(),
                new Insured(
                        p.insuredLastName(),
                        p.insuredFirstName(),
                        p.relationship(),
                        p.insuredDateOfBirth(),
                        p.insuredSex(),
                        new Address(
                                p.insuredAddressLine1(),
                                p.insuredAddressLine2(),
                                p.insuredCity(),
                                p.insuredState(),
                                p.insuredZip())));
    }
}
