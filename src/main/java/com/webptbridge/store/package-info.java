/**
 * Durable state and all SQL: the schema (Flyway), the message journal, billing records (accepted
 * only as resolved {@code billing} records), reference data, on embedded H2 or PostgreSQL; message
 * outcomes through one batch writer; retention, and backups of the embedded database. Never parses
 * HL7 and never logs field values.
 */
package com.webptbridge.store;
