package com.webptbridge.mapping;

import com.webptbridge.hl7.ErrorLocation;

/** A reference key as the message gave it (an Alternate ID, an NPI, a code) and where it was. */
public record Keyed(String value, ErrorLocation at, FieldPosition position) {}
