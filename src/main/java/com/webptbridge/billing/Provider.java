package com.webptbridge.billing;

/** A billing (rendering) provider; WebPT's provider Alternate ID holds its sequence number, and the NPIs must match. */
public record Provider(
        long sequenceNumber, String lastName, String firstName, String npi, String taxonomy, boolean active) {}
