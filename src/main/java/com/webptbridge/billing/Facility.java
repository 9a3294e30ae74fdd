package com.webptbridge.billing;

/** A billing facility (service location); WebPT's facility Alternate ID holds its sequence number. */
public record Facility(
        long sequenceNumber,
        String name,
        String npi,
        String addressLine1,
        String city,
        String state,
        String zip,
        String placeOfService,
        boolean active) {}
