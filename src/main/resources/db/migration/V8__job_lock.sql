-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

-- Work that must run on one engine instance at a time when several share this database: a named
-- job (retention, recovery of one interface, the reprocessing of one message) is claimed by one
-- instance until expires_at (a lease: an instance that dies holding it loses it then, and another
-- takes the work over). finished_at: when the job last completed, so a daily job runs once a day
-- whichever instance's timer fires first.
CREATE TABLE job_lock (
    job_name    VARCHAR(200) PRIMARY KEY,
    owner       VARCHAR(200),
    expires_at  TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE
);
