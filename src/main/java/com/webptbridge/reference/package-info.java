/**
 * Billing reference data: payers, facilities, providers, referring providers and procedure codes,
 * found by Sequence Number (WebPT's Alternate ID), NPI or code; the NPI check digit. Knows the
 * database through the store's connection pool; knows nothing of HL7.
 */
package com.webptbridge.reference;
