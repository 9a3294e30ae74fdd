/**
 * Claim-readiness findings (table claim_finding): what the rules found in each posted encounter,
 * live or test, and what an analyst decided about it (resolved or dismissed, by whom and why).
 */
package com.webptbridge.store.findings;
