/**
 * Billing reference data rules: resolving a mapped encounter against payers, facilities,
 * providers, referring providers and procedure codes (by Sequence Number = WebPT's Alternate ID,
 * NPI or code) into a resolved one; the checks and conflicts of reference maintenance; the NPI
 * check digit; the CSV seed. The SQL is the store's.
 */
package com.webptbridge.reference;
