package com.webptbridge.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives the embedded H2 file back the space its append-only store no longer uses: the whole
 * database is rewritten ({@code SHUTDOWN COMPACT}). Only while no engine has the database open;
 * H2's file lock refuses a second opener, which is how a running engine is recognised.
 */
public final class EmbeddedCompaction {

    /** Sizes of the database file in bytes, before and after. */
    public record Result(Path file, long bytesBefore, long bytesAfter) {}

    /** The database is open in another process (the engine is running). */
    public static final class InUse extends Exception {
        InUse(Path file, Throwable cause) {
            super(file.toString(), cause);
        }
    }

    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private EmbeddedCompaction() {}

    /** Whether {@code url} names an embedded H2 file database (the only kind this compacts). */
    public static boolean applies(String url) {
        return DatabaseUrl.of(url).embeddedFile();
    }

    /** The file H2 keeps the database in: the URL's path plus {@code .mv.db}. */
    public static Path file(String url) {
        Path path = DatabaseUrl.of(url)
                .embeddedPath()
                .orElseThrow(() -> new IllegalArgumentException("Not an embedded H2 file database: "
                        + DatabaseUrl.of(url).safe()));
        return Path.of(path + ".mv.db");
    }

    public static Result compact(String url, String user, String password) throws SQLException, IOException, InUse {
        Path file = file(url);
        if (!Files.exists(file)) {
            throw new IOException("No database file at " + file.toAbsolutePath());
        }
        long before = Files.size(file);
        // IFEXISTS: never create an empty database by mistake; a short lock wait makes "in use" quick.
        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE;TRACE_LEVEL_FILE=0", user, password);
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                throw new InUse(file, e);
            }
            throw e;
        }
        return new Result(file, before, Files.size(file));
    }
}
