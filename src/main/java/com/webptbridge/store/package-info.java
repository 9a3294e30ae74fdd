/**
 * Durable state: the schema (Flyway), the message journal, billing records and transactions, on
 * embedded H2 or PostgreSQL. Never parses HL7 and never logs field values.
 */
package com.webptbridge.store;
