/**
 * Durable state and all SQL, on embedded H2 or PostgreSQL. The top level is the SQL kit every room
 * uses: {@link com.webptbridge.store.Database} (pool, Flyway schema, transactions, the batch writer
 * for message outcomes), {@link com.webptbridge.store.Sql} (binding, rows, retries), {@link com.webptbridge.store.Writability}
 * (a write that broke the store, such as a full disk: writes refused and probed until the store
 * writes again, no restart), job locks,
 * retention, embedded compaction and backups of the embedded database. The rooms below it use the
 * kit and never each other: {@code journal} (messages and their outcomes), {@code billing}
 * (patients, policies, encounters, live or in an interface's test sandbox), {@code reference}
 * (reference data), {@code security} (accounts, access log) and {@code lifecycle} (interface states,
 * their audit, the sandbox as a whole and the test traffic the readiness report reads). Accepts billing data only as resolved {@code billing} records; never parses HL7 and never logs field values.
 */
package com.webptbridge.store;
