/**
 * Durable state and all SQL: the schema (Flyway), the message journal, billing records (accepted
 * only as resolved {@code billing} records), reference data, on embedded H2 (with group commit) or
 * PostgreSQL. Never parses HL7 and never logs field values.
 */
package com.webptbridge.store;
