package com.webptbridge.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty database for one test: in-memory H2 by default, or a new schema in the PostgreSQL
 * named by -Dbridge.test.db.url (CI's second pass), so tests never see each other's rows.
 */
public final class TestDatabase {

    private TestDatabase() {}

    public static String freshUrl() {
        String pg = System.getProperty("bridge.test.db.url", "");
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (pg.isBlank()) {
            return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        }
        try (Connection c = DriverManager.getConnection(pg, user(), "");
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema in " + pg, e);
        }
        return pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    public static String user() {
        return System.getProperty("bridge.test.db.url", "").isBlank() ? "sa" : "postgres";
    }

    public static boolean postgres() {
        return !System.getProperty("bridge.test.db.url", "").isBlank();
    }
}
