package com.webptbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The bind, read and retry loops every repository would otherwise repeat. Parameters bind by their
 * Java type, so one statement runs unchanged on H2 and PostgreSQL: a {@link LocalDate} as a SQL
 * date, an {@link Instant} as a UTC timestamp with time zone, null as an untyped null the database
 * types from the column.
 */
public final class Sql {

    private Sql() {}

    /** Reads one row; must not move the cursor. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work that may lose a race for a unique key and is then worth running again. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Binds the arguments to the statement's parameters, in order. */
    public static void bind(PreparedStatement ps, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            set(ps, i + 1, args.get(i));
        }
    }

    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        bind(ps, Arrays.asList(args));
    }

    private static void set(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            // Both drivers leave an untyped null to the server, which takes the column's type.
            ps.setObject(index, null);
        } else if (value instanceof LocalDate d) {
            ps.setDate(index, java.sql.Date.valueOf(d));
        } else if (value instanceof Instant t) {
            // The PostgreSQL driver takes java.time only as OffsetDateTime for TIMESTAMP WITH TIME ZONE.
            ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        } else {
            ps.setObject(index, value); // String, Integer, Long, BigDecimal, Boolean, OffsetDateTime
        }
    }

    /** Every row the query returns, mapped in order. */
    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        return list(c, sql, 0, mapper, Arrays.asList(args));
    }

    /** At most {@code maxRows} rows (0 for all), mapped in order. */
    public static <T> List<T> list(Connection c, String sql, int maxRows, RowMapper<T> mapper, List<?> args)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.setMaxRows(maxRows);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        }
    }

    /** The first row the query returns, if any. */
    public static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... args)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it touched. */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Runs an INSERT into a table with a generated key and returns that key. */
    public static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("The insert returned no generated key");
                }
                return keys.getLong(1);
            }
        }
    }

    /** Runs the same statement once per argument list, as one batch. */
    public static void batch(Connection c, String sql, List<List<?>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (List<?> row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Runs the work up to {@code tries} times while it fails with a unique-key violation (another
     * transaction got there first; running again sees its row). Any other failure, and the
     * violation on the last try, is thrown as is.
     */
    public static <T> T retryOnUniqueViolation(int tries, SqlWork<T> work) throws SQLException {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1, was " + tries);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (SQLException e) {
                if (attempt >= tries || !Database.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }
}
