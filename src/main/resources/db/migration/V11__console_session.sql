-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

-- The console's logins (POST /api/session): only the SHA-256 of each session token is kept (tokens
-- are 32 random bytes), in the database so that every engine behind one balancer accepts it. A
-- session idle longer than bridge.http.session-idle-seconds, or older than
-- bridge.http.session-max-hours, is refused and deleted; a password change or the account's removal
-- deletes its sessions.
CREATE TABLE console_session (
    token_hash   VARCHAR(64) PRIMARY KEY,
    account_name VARCHAR(100) NOT NULL REFERENCES account (name) ON DELETE CASCADE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX console_session_account ON console_session (account_name);
CREATE INDEX console_session_last_seen ON console_session (last_seen_at);
