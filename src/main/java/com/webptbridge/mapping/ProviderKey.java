package com.webptbridge.mapping;

import com.webptbridge.hl7.ErrorLocation;

/**
 * A provider as an XCN field names it: the Alternate ID (billing Sequence Number) and the NPI, with
 * the rule that found the NPI (senders put it in different places) and where the field was.
 */
public record ProviderKey(String alternateId, String npi, String npiRule, ErrorLocation at, FieldPosition position) {}
