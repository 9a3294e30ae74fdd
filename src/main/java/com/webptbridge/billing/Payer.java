package com.webptbridge.billing;

/** A billing payer; WebPT's payer Alternate ID holds its sequence number. */
public record Payer(
        long sequenceNumber,
        @Maintained(required = true, max = 200, description = "Payer name as the billing system shows it") String name,
        @Maintained(required = true, max = 50, description = "Electronic payer ID") String payerId,
        @Maintained(max = 200, description = "Street address, first line") String addressLine1,
        @Maintained(max = 100, description = "City") String city,
        @Maintained(max = 50, description = "State, e.g. IL") String state,
        @Maintained(max = 20, description = "ZIP code") String zip,
        @Maintained(max = 50, description = "Plan type, e.g. Commercial or Medicare") String planType,
        @Maintained(
                        check = ReferenceKind.Check.PAYER_CLASS,
                        max = 30,
                        description = "Payer class for claim-readiness rules: medicare, medicare-advantage, medicaid,"
                                + " commercial, workers-comp or self-pay (unset: commercial)")
                String payerClass,
        boolean active) {}
