/**
 * Flyway's Java migrations, for the schema changes SQL alone cannot express portably on H2 and
 * PostgreSQL; the SQL migrations are in {@code db/migration} on the class path.
 */
package com.webptbridge.store.migration;
