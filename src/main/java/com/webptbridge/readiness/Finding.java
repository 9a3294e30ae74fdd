package com.webptbridge.readiness;

import com.webptbridge.hl7.Problem;

/**
 * One thing a rule found: the rule, the charge it is about (its FT1 set number, 0 for the visit as
 * a whole) and that charge's code, and the warning the ACK carries (location and sentence).
 */
public record Finding(Rule rule, int charge, String procedureCode, Problem problem) {}
