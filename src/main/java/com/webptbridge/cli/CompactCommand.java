package com.webptbridge.cli;

import com.webptbridge.engine.Settings;
import com.webptbridge.store.EmbeddedCompaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code bridge compact}: shrink the embedded H2 database file while the engine is stopped. */
@Command(
        name = "compact",
        description = "Give back the disk space the embedded H2 database no longer uses (rewrites the file;"
                + " the engine must be stopped). See docs/reliability.md.")
final class CompactCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = Settings.load();
        String url = settings.get("bridge.db.url");
        if (!EmbeddedCompaction.applies(url)) {
            err.println("bridge compact works on the embedded H2 database only; bridge.db.url is not one."
                    + " For PostgreSQL, VACUUM gives space back (autovacuum does it by itself).");
            return 2;
        }
        try {
            EmbeddedCompaction.Result r =
                    EmbeddedCompaction.compact(url, settings.get("bridge.db.user"), settings.get("bridge.db.password"));
            out.printf("Compacted %s: %.1f MB -> %.1f MB%n", r.file(), r.bytesBefore() / 1e6, r.bytesAfter() / 1e6);
            return 0;
        } catch (EmbeddedCompaction.InUse e) {
            err.println("The database " + e.getMessage() + " is in use, most likely by a running engine:"
                    + " stop the engine, then run bridge compact again.");
            return 1;
        } catch (Exception e) {
            err.println("Could not compact the database: " + e.getMessage());
            return 1;
        }
    }
}
