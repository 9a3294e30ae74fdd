package com.webptbridge.reports;

import com.webptbridge.store.OwnerOnly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The daily reports' folder: {@code <dir>/<interface>/<date>.html} and {@code .csv}. A file is
 * written whole or not at all (a temporary file beside it, then moved over), 0600 in a 0700 folder
 * like the backups: a report names the practice's providers and payers and its money.
 */
public final class DailyReportFiles {

    private static final List<String> KINDS = List.of(".html", ".csv");

    private final Path dir;

    public DailyReportFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path file(String interfaceId, LocalDate date, String kind) {
        return dir.resolve(interfaceId).resolve(date + kind);
    }

    /** Writes the day's two files; the paths written. */
    public List<Path> write(String interfaceId, LocalDate date, String html, String csv) throws IOException {
        OwnerOnly.folder(dir);
        OwnerOnly.folder(dir.resolve(interfaceId));
        return List.of(
                atomically(file(interfaceId, date, ".html"), html), atomically(file(interfaceId, date, ".csv"), csv));
    }

    private static Path atomically(Path target, String text) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        OwnerOnly.file(partial);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** The days the interface's folder holds a report of, oldest first. */
    public List<LocalDate> days(String interfaceId) throws IOException {
        TreeSet<LocalDate> days = new TreeSet<>();
        Path folder = dir.resolve(interfaceId);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                LocalDate day = dayOf(f);
                if (day != null) {
                    days.add(day);
                }
            }
        }
        return List.copyOf(days);
    }

    /** Removes the reports of days before {@code oldest}, in every interface's folder; the files removed. */
    public List<Path> removeBefore(LocalDate oldest) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path folder : folders) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                    for (Path f : files) {
                        LocalDate day = dayOf(f);
                        if (day != null && day.isBefore(oldest) && Files.deleteIfExists(f)) {
                            removed.add(f);
                        }
                    }
                }
            }
        }
        return removed;
    }

    /** The day a report file is of, or null for any other file (a partial one, something an operator put there). */
    private static LocalDate dayOf(Path f) {
        String name = f.getFileName().toString();
        for (String kind : KINDS) {
            if (name.endsWith(kind) && name.length() == 10 + kind.length()) {
                try {
                    return LocalDate.parse(name.substring(0, 10));
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
