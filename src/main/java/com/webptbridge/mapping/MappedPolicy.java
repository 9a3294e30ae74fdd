package com.webptbridge.mapping;

import com.webptbridge.billing.Coverage;

/** One IN1 as mapped: its priority, the payer Alternate ID as sent (null when missing), and the rest. */
public record MappedPolicy(int priority, Keyed payer, Coverage coverage) {}
