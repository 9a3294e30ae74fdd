-- One counter per interface, bumped in the same transaction as every change to its reference data
-- (payer, facility, provider, referring_provider, procedure_code). Each engine instance keeps the
-- reference data in memory and polls this counter (bridge.reference.refresh-ms) to reload it when
-- another instance sharing the database changed it.
CREATE TABLE reference_version (
    interface_id VARCHAR(40) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
