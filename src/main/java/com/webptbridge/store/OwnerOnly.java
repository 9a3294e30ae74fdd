package com.webptbridge.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The embedded database's folder, its files and its backups, readable by this user only: they hold
 * every patient's data and the accounts' password hashes, and the JVM would create them with the
 * process umask (0644 in a 0755 folder). Where the file system has no POSIX modes (Windows), the
 * folder's ACL is the operator's (docs/operations.md).
 */
public final class OwnerOnly {

    private OwnerOnly() {}

    /** Before the database opens: its folder, created 0700 when it is not there yet. */
    public static void prepare(Path database) throws IOException {
        Path folder = database.toAbsolutePath().normalize().getParent();
        if (folder != null && !Files.exists(folder)) {
            if (posix(folder.getRoot())) {
                Files.createDirectories(
                        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        }
    }

    /**
     * After the database opened: its files ({@code NAME.mv.db}, {@code NAME.lock.db}, ...) 0600. An
     * existing folder keeps its own mode (it may be the working directory), so the files are closed
     * even there.
     */
    public static void files(Path database) throws IOException {
        Path path = database.toAbsolutePath().normalize();
        String prefix = path.getFileName() + ".";
        try (Stream<Path> all = Files.list(path.getParent())) {
            for (Path f : all.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .toList()) {
                file(f);
            }
        }
    }

    /** A folder (and those above it that are missing) created 0700 when it is not there yet (the daily reports'). */
    public static void folder(Path dir) throws IOException {
        Path folder = dir.toAbsolutePath().normalize();
        if (!Files.exists(folder)) {
            if (posix(folder.getRoot())) {
                Files.createDirectories(
                        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        }
    }

    /** One file 0600 (a backup, a restored database, a daily report). */
    public static void file(Path file) throws IOException {
        if (posix(file) && Files.isRegularFile(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static boolean posix(Path anyPath) {
        return anyPath != null
                && anyPath.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
