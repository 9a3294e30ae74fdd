/**
 * Billing reference data rules: resolving a mapped encounter against payers, facilities,
 * providers, referring providers and procedure codes (by Sequence Number = WebPT's Alternate ID,
 * NPI or code) into a resolved one; the checks and conflicts of reference maintenance; the NPI
 * check digit; the CSV seed; imports of the billing system's exports (read, previewed, applied
 * under the same checks) and the Alternate ID sheet for WebPT. The SQL is the store's; the release
 * of waiting messages after a change is the maintenance loop's.
 */
package com.webptbridge.reference;
