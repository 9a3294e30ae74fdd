/**
 * The billing vocabulary every other package shares: Patient Info, the resolved encounter records
 * the store accepts (policies by payer Sequence Number, charges with their defaults applied), the
 * reference records, and the kinds of reference data and of what a message can wait for. Records
 * and enums only (and the annotation that marks a record's maintained fields): no HL7, no SQL, no I/O.
 */
package com.webptbridge.billing;
