package com.webptbridge.store.security;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The API's accounts and their bearer tokens. Only hashes are stored: the password's slow salted
 * hash (made by the caller) and each token's SHA-256. Their console sessions are {@link Sessions}.
 */
public final class Accounts {

    private final Database db;

    public Accounts(Database db) {
        this.db = db;
    }

    /** One account; {@code interfaces} is null when it may use every interface. */
    public record Account(String name, String role, String interfaces, String passwordHash, Instant createdAt) {}

    /** An account as listed: no hash, and how many tokens it holds. */
    public record Listed(String name, String role, String interfaces, Instant createdAt, int tokens) {}

    public Optional<Account> find(String name) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.one(c, "SELECT * FROM account WHERE name = ?", Accounts::account, name);
        }
    }

    /** The account that holds a token with this SHA-256. */
    public Optional<Account> byToken(String tokenHash) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.one(
                    c,
                    "SELECT a.* FROM account a JOIN api_token t ON t.account_name = a.name WHERE t.token_hash = ?",
                    Accounts::account,
                    tokenHash);
        }
    }

    public List<Listed> list() throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.list(
                    c,
                    "SELECT a.name, a.role, a.interfaces, a.created_at,"
                            + " (SELECT COUNT(*) FROM api_token t WHERE t.account_name = a.name) AS tokens"
                            + " FROM account a ORDER BY a.name",
                    rs -> new Listed(
                            rs.getString("name"),
                            rs.getString("role"),
                            rs.getString("interfaces"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rs.getInt("tokens")));
        }
    }

    /** Adds an account; false when one with that name exists. */
    public boolean add(String name, String role, String interfaces, String passwordHash) throws SQLException {
        try (Connection c = db.connection()) {
            if (Sql.one(c, "SELECT name FROM account WHERE name = ?", rs -> rs.getString(1), name)
                    .isPresent()) {
                return false;
            }
            Sql.update(
                    c,
                    "INSERT INTO account (name, role, interfaces, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                    name,
                    role,
                    interfaces,
                    passwordHash,
                    Instant.now());
            return true;
        } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * A new password; ends the account's console sessions and revokes its API tokens in the same
     * transaction. A password is reset when it may be known to someone else, and whoever knew it
     * could have opened a session or minted a token with it: neither may outlive the old password.
     * A script's token is minted again after the reset.
     */
    public boolean setPassword(String name, String passwordHash) throws SQLException {
        return db.inTransaction(c -> {
            Sessions.closeAll(c, name);
            Sql.update(c, "DELETE FROM api_token WHERE account_name = ?", name);
            return Sql.update(c, "UPDATE account SET password_hash = ? WHERE name = ?", passwordHash, name) == 1;
        });
    }

    /** Removes the account, its tokens and its console sessions. */
    public boolean remove(String name) throws SQLException {
        return db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM api_token WHERE account_name = ?", name);
            Sessions.closeAll(c, name);
            return Sql.update(c, "DELETE FROM account WHERE name = ?", name) == 1;
        });
    }

    public int admins() throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.one(c, "SELECT COUNT(*) FROM account WHERE role = 'admin'", rs -> rs.getInt(1))
                    .orElse(0);
        }
    }

    public void addToken(String name, String tokenHash) throws SQLException {
        try (Connection c = db.connection()) {
            Sql.update(
                    c,
                    "INSERT INTO api_token (token_hash, account_name, created_at) VALUES (?, ?, ?)",
                    tokenHash,
                    name,
                    Instant.now());
        }
    }

    /** Revokes every token of the account; how many there were. */
    public int removeTokens(String name) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.update(c, "DELETE FROM api_token WHERE account_name = ?", name);
        }
    }

    static Account account(ResultSet rs) throws SQLException {
        return new Account(
                rs.getString("name"),
                rs.getString("role"),
                rs.getString("interfaces"),
                rs.getString("password_hash"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
