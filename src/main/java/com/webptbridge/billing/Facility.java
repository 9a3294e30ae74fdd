package com.webptbridge.billing;

import com.webptbridge.billing.ReferenceKind.Check;

/** A billing facility (service location); WebPT's facility Alternate ID holds its sequence number. */
public record Facility(
        long sequenceNumber,
        @Maintained(required = true, max = 200, description = "Facility name") String name,
        @Maintained(check = Check.NPI, max = 10, description = "10-digit NPI (check digit verified)") String npi,
        @Maintained(check = Check.PLACE_OF_SERVICE, max = 2, description = "2-digit place of service code, e.g. 11")
                String placeOfService,
        @Maintained(max = 200, description = "Street address, first line") String addressLine1,
        @Maintained(max = 100, description = "City") String city,
        @Maintained(max = 50, description = "State, e.g. IL") String state,
        @Maintained(max = 20, description = "ZIP code") String zip,
        boolean active) {}
