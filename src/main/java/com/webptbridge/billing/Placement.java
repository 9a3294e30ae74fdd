package com.webptbridge.billing;

/**
 * Where an encounter is billed, as resolved against reference data: facility, rendering and
 * referring providers (sequence numbers) and the place of service.
 */
public record Placement(long facility, long renderingProvider, Long referringProvider, String placeOfService) {}
