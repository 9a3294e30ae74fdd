package com.webptbridge.billing;

/** A billing payer; WebPT's payer Alternate ID holds its sequence number. */
public record Payer(
        long sequenceNumber,
        String name,
        String payerId,
        String addressLine1,
        String city,
        String state,
        String zip,
        String planType,
        boolean active) {}
