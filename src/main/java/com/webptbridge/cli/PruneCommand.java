package com.webptbridge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bridge prune [--dry-run]}: retention now, through the running engine (admin only). */
@Command(
        name = "prune",
        description = "Remove raw message text past bridge.retention.raw-days now (the engine also does it daily).")
final class PruneCommand extends ApiCommand implements Callable<Integer> {

    @Option(names = "--dry-run", description = "Only count what would be removed")
    boolean dryRun;

    @Override
    public Integer call() {
        return run(() -> {
            ApiClient.Answer a = api().call("POST", "/api/prune", Map.of("dryRun", dryRun));
            if (!a.ok()) {
                return refused(a);
            }
            out().printf(
                            "%s raw text of %d message(s) received before %s; metadata of %d message(s) received before %s.%n",
                            dryRun ? "Would remove" : "Removed",
                            a.body().get("rawPruned").asInt(),
                            a.body().get("rawBefore").asText(),
                            a.body().get("metadataPruned").asInt(),
                            a.body().get("metadataBefore").asText());
            return 0;
        });
    }
}
