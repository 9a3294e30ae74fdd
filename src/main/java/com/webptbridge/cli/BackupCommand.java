package com.webptbridge.cli;

import com.webptbridge.engine.Settings;
import com.webptbridge.store.Backup;
import com.webptbridge.store.Database;
import com.webptbridge.store.EmbeddedCompaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code bridge backup --to FILE} and {@code bridge backup verify FILE}: a consistent copy of the
 * embedded database, and a read-only check of one (docs/operations.md).
 */
@Command(
        name = "backup",
        description = "Back the embedded H2 database up to a file (the running engine also does it on"
                + " bridge.backup.* schedule), or check a backup. See docs/operations.md.",
        subcommands = BackupCommand.Verify.class)
final class BackupCommand implements Callable<Integer> {

    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    @Spec
    CommandSpec spec;

    @Option(names = "--to", description = "The backup file to write (a zip)")
    Path to;

    /** How to reach the running engine, which takes the backup when it holds the database open. */
    @Mixin(name = ApiCommand.OPTIONS)
    ApiOptions api = new ApiOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (to == null) {
            err.println("Say where the backup goes: bridge backup --to FILE (or bridge backup verify FILE)");
            return 2;
        }
        Settings settings = Settings.load();
        String url = settings.get("bridge.db.url");
        if (!EmbeddedCompaction.applies(url)) {
            err.println("bridge backup backs up the embedded H2 database; bridge.db.url is not one. For PostgreSQL"
                    + " use pg_dump or a base backup with WAL archiving (docs/operations.md).");
            return 2;
        }
        try (Database db = Database.open(
                url + ";IFEXISTS=TRUE", settings.get("bridge.db.user"), settings.get("bridge.db.password"), 2)) {
            Path file = Backup.take(db, to);
            out.println("Backup written to " + file + "; check it with: bridge backup verify " + file);
            return 0;
        } catch (Exception e) {
            if (hasCode(e, H2_DATABASE_ALREADY_OPEN)) {
                return online(out, err);
            }
            err.println("Could not back up the database: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The database is open in a running engine: only it may read the file, so it takes the backup
     * (online, traffic flowing) into its backup folder, and this copies it to {@code --to}.
     */
    private int online(PrintWriter out, PrintWriter err) {
        try {
            ApiClient.Answer answer = ApiClient.of(api).call("POST", "/api/backups", null);
            if (!answer.ok()) {
                err.println("The database is open in a running engine, which refused the backup: " + answer.error());
                return 2;
            }
            Path taken = Path.of(answer.body().get("file").asText());
            java.nio.file.Files.copy(taken, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            com.webptbridge.store.OwnerOnly.file(to);
            out.println("The running engine took the backup (" + taken + "); copied to " + to
                    + ". Check it with: bridge backup verify " + to);
            return 0;
        } catch (ApiClient.CliFailure e) {
            err.println(e.getMessage());
            return e.exitCode;
        } catch (java.io.IOException e) {
            err.println("The running engine wrote its backup, but it could not be copied to " + to + ": "
                    + e.getMessage() + ". It is in the engine's bridge.backup.dir.");
            return 1;
        }
    }

    private static boolean hasCode(Throwable e, int code) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getErrorCode() == code) {
                return true;
            }
        }
        return false;
    }

    /** {@code bridge backup verify FILE}. */
    @Command(
            name = "verify",
            description = "Open a backup read-only: schema version, rows per table, journal's last id")
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The backup file")
        Path file;

        @Override
        public Integer call() {
            try {
                Backup.Contents c = Backup.verify(file);
                PrintWriter out = spec.commandLine().getOut();
                out.println("Backup " + file + " is readable: schema version " + c.schemaVersion()
                        + ", journal's last id " + c.lastJournalId());
                c.rows().forEach((table, n) -> out.printf("  %-28s %d rows%n", table, n));
                return 0;
            } catch (Exception e) {
                spec.commandLine().getErr().println("Backup " + file + " cannot be used: " + e.getMessage());
                return 1;
            }
        }
    }
}
