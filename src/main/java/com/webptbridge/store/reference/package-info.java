/**
 * The SQL of reference data: lookups for inbound messages (held in memory per interface), the
 * maintained records and their audit trail. Rows become the kind's {@code billing} record through
 * one generic reader (record components to columns), so a kind's fields are declared only in its
 * record. The rules of maintenance are the {@code reference} package's.
 */
package com.webptbridge.store.reference;
