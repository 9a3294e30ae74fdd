package com.webptbridge.billing;

import java.time.LocalDate;

/** What one policy says besides its payer: member and group, plan dates, and the insured. */
public record Coverage(
        String memberId,
        String groupNumber,
        String groupName,
        LocalDate effectiveDate,
        LocalDate expirationDate,
        String insuredLastName,
        String insuredFirstName,
        String relationship,
        LocalDate insuredDateOfBirth,
        String insuredSex,
        String insuredAddressLine1,
        String insuredAddressLine2,
        String insuredCity,
        String insuredState,
        String insuredZip) {}
