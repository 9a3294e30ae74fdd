package com.webptbridge.billing;

import com.webptbridge.billing.ReferenceKind.Check;

/** A referring provider, known to both systems and matched by NPI. */
public record ReferringProvider(
        long sequenceNumber,
        @Maintained(required = true, max = 100, description = "Last name") String lastName,
        @Maintained(required = true, max = 100, description = "First name") String firstName,
        @Maintained(
                        check = Check.NPI,
                        required = true,
                        max = 10,
                        description = "10-digit NPI (check digit verified); messages name the referring provider by it")
                String npi,
        boolean active) {}
