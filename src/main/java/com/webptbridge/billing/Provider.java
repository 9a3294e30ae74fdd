package com.webptbridge.billing;

import com.webptbridge.billing.ReferenceKind.Check;

/** A billing (rendering) provider; WebPT's provider Alternate ID holds its sequence number, and the NPIs must match. */
public record Provider(
        long sequenceNumber,
        @Maintained(required = true, max = 100, description = "Last name") String lastName,
        @Maintained(required = true, max = 100, description = "First name") String firstName,
        @Maintained(
                        check = Check.NPI,
                        required = true,
                        max = 10,
                        description = "10-digit NPI (check digit verified); must match the NPI WebPT sends")
                String npi,
        @Maintained(max = 20, description = "Taxonomy code, e.g. 225100000X") String taxonomy,
        boolean active) {}
