package com.webptbridge.billing;

/**
 * One Insurance/Insured policy as resolved: its priority (1 primary, 2 secondary, 3 tertiary) and
 * the billing payer's Sequence Number.
 */
public record Policy(int priority, long payerSequence, Coverage coverage) {}
