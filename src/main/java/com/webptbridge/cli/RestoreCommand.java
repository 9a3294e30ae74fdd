package com.webptbridge.cli;

import com.webptbridge.engine.Settings;
import com.webptbridge.store.Backup;
import com.webptbridge.store.EmbeddedCompaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code bridge restore FILE [--force]}: a backup in place of the embedded database, the engine stopped. */
@Command(
        name = "restore",
        description = "Put a backup in place of the embedded H2 database named by bridge.db.url (the engine must"
                + " be stopped). Messages acknowledged after the backup are not in it: docs/operations.md.")
final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup file (from bridge backup)")
    Path file;

    @Option(names = "--force", description = "Replace the database that is there")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String url = Settings.load().get("bridge.db.url");
        if (!EmbeddedCompaction.applies(url)) {
            err.println("bridge restore restores the embedded H2 database; bridge.db.url is not one. For"
                    + " PostgreSQL use pg_restore or point-in-time recovery (docs/operations.md).");
            return 2;
        }
        Path target = EmbeddedCompaction.file(url);
        try {
            Backup.Contents c = Backup.restore(file, target, force);
            out.println("Restored " + file + " to " + target.toAbsolutePath() + ": schema version "
                    + c.schemaVersion() + ", journal's last id " + c.lastJournalId()
                    + ". Messages acknowledged after the backup are not in it: see docs/operations.md.");
            return 0;
        } catch (FileAlreadyExistsException e) {
            err.println("Not restored: " + target.toAbsolutePath() + " exists (a database is there already)."
                    + " Run again with --force to replace it.");
            return 1;
        } catch (Exception e) {
            err.println("Not restored: " + e.getMessage());
            return 1;
        }
    }
}
