-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

-- The daily reports written (issue #24): one row per interface and day, inserted once the day's
-- files are written, so that no instance sharing this database writes the same day again (the
-- job runs under a job_lock claim; this row is what it checks). The webhook columns hold the last
-- delivery of the day's summary: ok or failing (with the error and when), null when none is set.
CREATE TABLE daily_report (
    interface_id     VARCHAR(40)  NOT NULL,
    report_date      DATE         NOT NULL,
    written_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    written_by       VARCHAR(200) NOT NULL,
    webhook_status   VARCHAR(20),
    webhook_error    VARCHAR(500),
    webhook_at       TIMESTAMP WITH TIME ZONE,
    webhook_attempts INT,
    PRIMARY KEY (interface_id, report_date)
);
