package com.webptbridge.billing;

/** A referring provider, known to both systems and matched by NPI. */
public record ReferringProvider(long sequenceNumber, String lastName, String firstName, String npi, boolean active) {}
