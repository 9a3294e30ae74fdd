/**
 * Claim readiness (issue #20): the rules that run on every resolved DFT and find what a payer will
 * deny (a missing GP modifier, units that break the 8-minute rule, an injury code without its 7th
 * character, a late date of service...). Each finding is a warning: the encounter posts, the ACK
 * stays AA with a W ERR per finding. The rules' lists are data ({@link RuleBook}, conf/rules/); the
 * checks are code ({@link ClaimRules}); an interface may switch a {@link Rule} off.
 */
package com.webptbridge.readiness;
