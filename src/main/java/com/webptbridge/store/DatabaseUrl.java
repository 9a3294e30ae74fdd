package com.webptbridge.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What a JDBC URL ({@code bridge.db.url}) says about the database behind it, in one place: embedded
 * H2 or not, the file an embedded H2 keeps, PostgreSQL or not, the H2 settings the engine adds, and
 * the URL as it may be logged.
 */
public record DatabaseUrl(String url) {

    private static final String H2 = "jdbc:h2:";
    private static final String H2_FILE = "jdbc:h2:file:";

    public static DatabaseUrl of(String url) {
        return new DatabaseUrl(url);
    }

    /** An embedded H2 database (in memory or a file), which no other process can open at the same time. */
    public boolean embedded() {
        return url.startsWith(H2) && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    /** An embedded H2 file database: {@code jdbc:h2:file:path} or plain {@code jdbc:h2:path}. */
    public boolean embeddedFile() {
        return embedded() && !url.startsWith("jdbc:h2:mem:");
    }

    public boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The path of an embedded H2 file database as the URL names it (H2 adds {@code .mv.db}), if it is one. */
    public Optional<Path> embeddedPath() {
        if (!embeddedFile()) {
            return Optional.empty();
        }
        String rest = url.substring(url.startsWith(H2_FILE) ? H2_FILE.length() : H2.length());
        return Optional.of(Path.of(withoutParameters(rest)));
    }

    /**
     * An H2 file database writes commits lazily (WRITE_DELAY) unless the URL sets WRITE_DELAY=0: the
     * batch writer then follows each commit with a flush and sync.
     */
    public boolean lazyWrites() {
        return url.startsWith(H2_FILE) && !upper().contains("WRITE_DELAY=0");
    }

    /**
     * Embedded H2 settings the engine relies on, unless the URL sets them: the engine closes the
     * database itself after the last in-flight message (H2's own shutdown hook would close it under
     * them), H2 writes no trace file (it can record SQL, and with it patient data), and a file
     * database keeps old chunks for one second instead of 45: under steady load H2's default grew the
     * file without bound (858 MB after 20,000 messages, docs/reliability.md) where one second keeps
     * it near 55 MB. Safe here because every flush the ACKs wait for is a {@code CHECKPOINT SYNC}
     * (the batch writer); a URL that sets RETENTION_TIME keeps its own. And each session keeps 64
     * parsed statements instead of 8: the batch writer runs every message's statements (about 15
     * distinct ones) on one session, and with 8 it parsed them again for every message (a quarter of
     * its time in a 16-connection profile, docs/benchmarks.md).
     */
    public String withEmbeddedDefaults() {
        if (!url.startsWith(H2)) {
            return url;
        }
        String upper = upper();
        String out = url;
        if (!upper.contains("DB_CLOSE_ON_EXIT=")) {
            out += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        if (!upper.contains("TRACE_LEVEL_FILE=")) {
            out += ";TRACE_LEVEL_FILE=0";
        }
        if (!upper.contains("QUERY_CACHE_SIZE=")) {
            out += ";QUERY_CACHE_SIZE=64";
        }
        if (url.startsWith(H2_FILE) && !upper.contains("RETENTION_TIME=")) {
            out += ";RETENTION_TIME=1000";
        }
        return out;
    }

    /** The URL without its parameters, which may carry credentials: what a log line may show. */
    public String safe() {
        return withoutParameters(url);
    }

    @Override
    public String toString() {
        return safe();
    }

    private String upper() {
        return url.toUpperCase(Locale.ROOT);
    }

    private static String withoutParameters(String text) {
        int cut = text.length();
        for (char c : new char[] {';', '?'}) {
            int i = text.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return text.substring(0, cut);
    }
}
