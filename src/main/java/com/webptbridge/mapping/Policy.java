package com.webptbridge.mapping;

import java.time.LocalDate;

/** One IN1: the patient's Insurance/Insured at one priority (1 primary, 2 secondary, 3 tertiary). */
public record Policy(int priority, Keyed payer, String memberId, String groupNumber, String groupName,
                     LocalDate effectiveDate, LocalDate expirationDate, String insuredLastName, String insuredFirstName,
                     String relationship, LocalDate insuredDateOfBirth, String insuredSex, String insuredAddressLine1,
                     String insuredAddressLine2, String insuredCity, String insuredState, String insuredZip) {
}
