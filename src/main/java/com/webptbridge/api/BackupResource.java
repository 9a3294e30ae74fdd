package com.webptbridge.api;

import io.vertx.core.http.HttpMethod;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/backups}: a backup of the embedded database now, taken by the running engine
 * while traffic flows (the database file is the engine's; no other process may open it), into
 * {@code bridge.backup.dir} beside the scheduled ones. It writes only there, never to a path the
 * request names. {@code bridge backup --to FILE} asks for it when the engine runs, then copies it.
 */
final class BackupResource {

    private final AdminApi.Backups backups;

    BackupResource(AdminApi.Backups backups) {
        this.backups = backups;
    }

    List<Endpoint> endpoints() {
        return List.of(Endpoint.change(
                        HttpMethod.POST,
                        ApiPath.of("api", "backups"),
                        Role.ADMIN,
                        "a backup of the embedded database now, into bridge.backup.dir: the file written",
                        this::backup)
                .engine());
    }

    private ApiResponse backup(Call call) throws Exception {
        Optional<Path> file = backups.backupNow();
        if (file.isEmpty()) {
            return ApiResponse.error(
                    409,
                    "Backups are off: the database is not the embedded one (PostgreSQL: pg_dump or a base backup,"
                            + " docs/operations.md), or bridge.backup.dir is empty. Set bridge.backup.dir.");
        }
        return new ApiResponse(
                201, Map.of("file", file.get().toAbsolutePath().toString(), "bytes", Files.size(file.get())));
    }
}
