package com.webptbridge.store.security;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The console's login sessions, by the SHA-256 of their token (never the token itself). In the
 * database rather than in memory so that every engine sharing it (behind a balancer) accepts a
 * session another one opened, and a logout or password change on one ends it on all.
 */
public final class Sessions {

    private final Database db;

    public Sessions(Database db) {
        this.db = db;
    }

    /** A session with its account as it is now (role and interfaces read afresh on every request). */
    public record Session(Accounts.Account account, Instant createdAt, Instant lastSeenAt) {}

    public void open(String tokenHash, String accountName, Instant now) throws SQLException {
        try (Connection c = db.connection()) {
            Sql.update(
                    c,
                    "INSERT INTO console_session (token_hash, account_name, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
                    tokenHash,
                    accountName,
                    now,
                    now);
        }
    }

    public Optional<Session> find(String tokenHash) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.one(
                    c,
                    "SELECT a.*, s.created_at AS session_created, s.last_seen_at FROM console_session s"
                            + " JOIN account a ON a.name = s.account_name WHERE s.token_hash = ?",
                    rs -> new Session(
                            Accounts.account(rs),
                            rs.getObject("session_created", OffsetDateTime.class)
                                    .toInstant(),
                            rs.getObject("last_seen_at", OffsetDateTime.class).toInstant()),
                    tokenHash);
        }
    }

    /** Records that the session was used: the caller does so at most about once a minute, not on every request. */
    public void seen(String tokenHash, Instant now) throws SQLException {
        try (Connection c = db.connection()) {
            Sql.update(c, "UPDATE console_session SET last_seen_at = ? WHERE token_hash = ?", now, tokenHash);
        }
    }

    /** Ends one session (a logout, or one found expired); whether there was one. */
    public boolean close(String tokenHash) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.update(c, "DELETE FROM console_session WHERE token_hash = ?", tokenHash) == 1;
        }
    }

    /** Deletes the sessions last used before {@code idleSince} or opened before {@code openedSince}; how many. */
    public int closeExpired(Instant idleSince, Instant openedSince) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.update(
                    c, "DELETE FROM console_session WHERE last_seen_at < ? OR created_at < ?", idleSince, openedSince);
        }
    }

    /** Ends every session of an account, in the caller's transaction (a password change, a removal). */
    static int closeAll(Connection c, String accountName) throws SQLException {
        return Sql.update(c, "DELETE FROM console_session WHERE account_name = ?", accountName);
    }
}
