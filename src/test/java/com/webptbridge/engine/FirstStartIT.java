package com.webptbridge.engine;

import com.webptbridge.support.LogCapture;
import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The first start's admin account: the configured password, or a generated one in an owner-only file. */
class FirstStartIT {

    private static Properties engineOn(Path dir) throws Exception {
        Properties p = new Properties();
        p.setProperty("bridge.db.url", "jdbc:h2:file:" + dir.resolve("data/bridge"));
        p.setProperty("bridge.mllp.host", "127.0.0.1");
        p.setProperty("bridge.mllp.port", String.valueOf(TestEngine.freePort()));
        p.setProperty("bridge.http.host", "127.0.0.1");
        p.setProperty("bridge.http.port", "0");
        return p;
    }

    private static int status(BridgeEngine engine, String authorization) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.httpPort() + "/api/users"))
                                .header("Authorization", authorization)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void bridgeAdminPasswordFromTheEnvironmentLetsAdminLogIn(@TempDir Path dir) throws Exception {
        Settings settings = Settings.load(
                dir.resolve("none.properties"), Map.of("BRIDGE_ADMIN_PASSWORD", "from-the-environment"), engineOn(dir));
        try (BridgeEngine engine = BridgeEngine.start(settings)) {
            assertThat(status(engine, TestEngine.basic("admin", "from-the-environment")))
                    .isEqualTo(200);
            assertThat(status(engine, TestEngine.basic("admin", "something-else")))
                    .isEqualTo(401);
        }
        assertThat(dir.resolve("data/admin-password.txt")).doesNotExist();
    }

    @Test
    void theDataFolderAndTheDatabaseFilesAreTheOwnersOnly(@TempDir Path dir) throws Exception {
        Settings settings = Settings.load(dir.resolve("none.properties"), Map.of(), engineOn(dir));
        try (BridgeEngine engine = BridgeEngine.start(settings)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/bridge.mv.db"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aConfiguredAdminPasswordTheApiWouldRefuseStopsTheStart(@TempDir Path dir) throws Exception {
        Settings settings = Settings.load(
                dir.resolve("none.properties"), Map.of("BRIDGE_ADMIN_PASSWORD", "Short-Pw1"), engineOn(dir));

        assertThatThrownBy(() -> BridgeEngine.start(settings).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BRIDGE_ADMIN_PASSWORD")
                .hasMessageContaining("at least 12 characters")
                .hasMessageNotContaining("Short-Pw1");
        assertThat(dir.resolve("data")).as("nothing was created").doesNotExist();
    }

    @Test
    void withoutAPasswordTheGeneratedOneIsInAnOwnerOnlyFileTheLogNames(@TempDir Path dir) throws Exception {
        Settings settings = Settings.load(dir.resolve("none.properties"), Map.of(), engineOn(dir));
        Path file = dir.resolve("data/admin-password.txt").toAbsolutePath().normalize();
        String password;
        try (LogCapture logs = new LogCapture();
                BridgeEngine engine = BridgeEngine.start(settings)) {
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            List<String> lines = Files.readAllLines(file);
            password = lines.get(lines.size() - 1).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(logs.textAsShipped()).contains(file.toString()).doesNotContain(password);
            assertThat(status(engine, TestEngine.basic("admin", password))).isEqualTo(200);
        }
        // A second start keeps the account and does not write the file again.
        Files.delete(file);
        try (BridgeEngine engine = BridgeEngine.start(settings)) {
            assertThat(file).doesNotExist();
            assertThat(status(engine, TestEngine.basic("admin", password))).isEqualTo(200);
        }
    }
}
