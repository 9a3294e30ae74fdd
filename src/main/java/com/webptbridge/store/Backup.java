package com.webptbridge.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Backups of the embedded H2 database: {@code BACKUP TO} writes a consistent copy of the open
 * database while the engine runs (a zip holding the {@code .mv.db} file; writers wait only while
 * the file is copied); a backup is verified by opening it read-only where it lies; a restore unzips
 * it over the database file of an engine that is stopped. PostgreSQL is backed up with its own
 * tools (docs/operations.md).
 */
public final class Backup {

    private Backup() {}

    /** What a backup holds: schema version, rows per table, the journal's last id. */
    public record Contents(String schemaVersion, Map<String, Long> rows, long lastJournalId) {}

    /** Writes a consistent backup of the running embedded database to {@code to} (complete or not at all). */
    public static Path take(Database db, Path to) throws SQLException, IOException {
        Path target = to.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        try (Connection c = db.connection();
                Statement s = c.createStatement()) {
            if (!c.getMetaData().getURL().startsWith("jdbc:h2:")) {
                throw new SQLException("BACKUP TO is for the embedded H2 database; back PostgreSQL up with"
                        + " pg_dump or a base backup (docs/operations.md)");
            }
            s.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
        }
        OwnerOnly.file(partial); // it holds what the database holds
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Opens a backup read-only and reads what it holds; refuses a file that is not one. */
    public static Contents verify(Path backup) throws SQLException, IOException {
        String name = databaseName(backup);
        String url = "jdbc:h2:zip:" + backup.toAbsolutePath() + "!/" + name
                + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            String version;
            try (ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\""
                    + " AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 1")) {
                version = rs.next() ? rs.getString(1) : null;
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            Map<String, Long> rows = new TreeMap<>();
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + t.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    rows.put(t.toLowerCase(java.util.Locale.ROOT), rs.getLong(1));
                }
            }
            long last;
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM message_journal")) {
                rs.next();
                last = rs.getLong(1);
            }
            if (version == null) {
                throw new SQLException(backup + " holds no migrated WebPT Bridge schema");
            }
            return new Contents(version, rows, last);
        }
    }

    /** Signals a database file an engine holds open. */
    public static final class InUse extends IOException {
        InUse(Path file) {
            super(file.toAbsolutePath() + " is open, most likely by a running engine: stop the engine first");
        }
    }

    /**
     * Puts a verified backup in place of the database file {@code databaseFile} ({@code .mv.db}):
     * refuses when that file exists, unless {@code overwrite}, and always when an engine holds it.
     */
    public static Contents restore(Path backup, Path databaseFile, boolean overwrite) throws SQLException, IOException {
        Contents contents = verify(backup);
        Path target = databaseFile.toAbsolutePath();
        if (Files.exists(target)) {
            if (!overwrite) {
                throw new java.nio.file.FileAlreadyExistsException(
                        target.toString(), null, "a database is there already: add --force to replace it");
            }
            try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE);
                    FileLock lock = ch.tryLock()) {
                if (lock == null) {
                    throw new InUse(target);
                }
            } catch (java.nio.channels.OverlappingFileLockException e) {
                throw new InUse(target);
            }
        }
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".restoring");
        try (ZipFile zip = new ZipFile(backup.toFile());
                InputStream in = zip.getInputStream(zip.getEntry(databaseName(backup) + ".mv.db"))) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        OwnerOnly.file(partial);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return contents;
    }

    /** The database's name inside a backup zip: its one {@code .mv.db} entry without the suffix. */
    private static String databaseName(Path backup) throws IOException {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            return zip.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".mv.db") && !n.contains("/"))
                    .map(n -> n.substring(0, n.length() - ".mv.db".length()))
                    .findFirst()
                    .orElseThrow(() -> new IOException(backup + " is not a WebPT Bridge backup (no .mv.db inside)"));
        } catch (java.util.zip.ZipException e) {
            throw new IOException(backup + " is not a WebPT Bridge backup (not a zip file)", e);
        }
    }
}
