package com.webptbridge.engine;

import com.webptbridge.store.Backup;
import com.webptbridge.support.Cli;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 5 of issue 22: a backup taken while messages flow verifies, and restores into a fresh
 * directory with every message acknowledged before it started; restore refuses to overwrite without
 * --force; the scheduled backups keep the configured count.
 */
class BackupIT {

    @TempDir
    Path dir;

    private static byte[] a04(String control) {
        return Hl7Text.bytes("MSH|^~\\&|WEBPT|BACKUP|CMD|BILLING|20261120||ADT^A04^ADT_A01|" + control
                + "|P|2.5.1\nPID|1||B" + control + "^^^WEBPT^MR||Backup^Sam||19700101|M\n");
    }

    @Test
    void aBackupUnderLoadVerifiesAndRestoresEveryMessageAcknowledgedBeforeIt() throws Exception {
        Path backups = dir.resolve("backups");
        Set<String> acked = ConcurrentHashMap.newKeySet();
        Path first = dir.resolve("under-load.zip");
        Set<String> ackedBefore;
        try (TestEngine engine = TestEngine.start(Map.of(
                "bridge.db.url",
                "jdbc:h2:file:" + dir.resolve("data/bridge"),
                // Its own embedded database, whatever database the other tests run on: the
                // embedded default's user, as a backup is opened with it.
                "bridge.db.user",
                "sa",
                "bridge.backup.dir",
                backups.toString(),
                "bridge.backup.keep",
                "2"))) {
            BackupJob job = engine.engine().backups().orElseThrow();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService senders = Executors.newFixedThreadPool(2);
            try {
                List<Future<Void>> load = new java.util.ArrayList<>();
                for (int n = 0; n < 2; n++) {
                    int sender = n;
                    load.add(senders.submit(() -> {
                        try (MllpClient c = engine.connect()) {
                            for (int i = 0; running.get(); i++) {
                                String control = "BK-" + sender + "-" + i;
                                String ack = new String(c.exchange(a04(control)), StandardCharsets.UTF_8);
                                if (ack.contains("MSA|AA")) {
                                    acked.add(control);
                                }
                            }
                        }
                        return null;
                    }));
                }
                while (acked.size() < 40) {
                    Thread.sleep(50);
                    assertThat(load).noneMatch(Future::isDone);
                }
                ackedBefore = new HashSet<>(acked);
                Path taken = job.run();
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(taken)))
                        .as("a backup holds what the database holds: the owner's only")
                        .isEqualTo("rw-------");
                Files.copy(taken, first);
                int afterBackup = acked.size();
                while (acked.size() < afterBackup + 20) {
                    Thread.sleep(50);
                    assertThat(load).noneMatch(Future::isDone);
                }
                running.set(false);
                for (Future<Void> f : load) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                running.set(false);
                senders.shutdownNow();
            }
            job.run();
            Thread.sleep(1100); // the file name has the second: a third backup needs a new one
            job.run();
            try (var files = Files.list(backups)) {
                assertThat(files.filter(f -> f.getFileName().toString().endsWith(".zip")))
                        .as("bridge.backup.keep=2")
                        .hasSize(2);
            }
        }

        Backup.Contents contents = Backup.verify(first);
        assertThat(contents.schemaVersion()).isNotBlank();
        assertThat(contents.rows().get("message_journal")).isGreaterThanOrEqualTo(ackedBefore.size());
        assertThat(Cli.runAsGiven("backup", "verify", first.toString()).out())
                .contains("journal's last id " + contents.lastJournalId());

        Path fresh = dir.resolve("fresh");
        String url = "jdbc:h2:file:" + fresh.resolve("bridge");
        System.setProperty("bridge.db.url", url);
        try {
            Cli.Result restored = Cli.runAsGiven("restore", first.toString());
            assertThat(restored.exitCode()).as(restored.err()).isZero();
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(fresh.resolve("bridge.mv.db"))))
                    .isEqualTo("rw-------");
            Cli.Result again = Cli.runAsGiven("restore", first.toString());
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).contains("--force");
            assertThat(Cli.runAsGiven("restore", first.toString(), "--force").exitCode())
                    .isZero();
        } finally {
            System.clearProperty("bridge.db.url");
        }

        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "");
                PreparedStatement ps = c.prepareStatement("SELECT control_id FROM message_journal WHERE status = ?")) {
            ps.setString(1, "PROCESSED");
            Set<String> restoredIds = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    restoredIds.add(rs.getString(1));
                }
            }
            assertThat(restoredIds).containsAll(ackedBefore);
        }
    }

    /**
     * {@code bridge backup --to FILE} from another process while the engine runs and traffic flows:
     * the engine holds the database file, so the command asks its API, which takes the backup
     * online; the copy verifies and holds every message acknowledged before the command started.
     */
    @Test
    void theBackupCommandTakesAnOnlineBackupThroughTheRunningEngine() throws Exception {
        Path file = dir.resolve("from-the-cli.zip");
        String url = "jdbc:h2:file:" + dir.resolve("data/bridge");
        Set<String> acked = ConcurrentHashMap.newKeySet();
        Set<String> ackedBefore;
        try (TestEngine engine = TestEngine.start(Map.of(
                "bridge.db.url",
                url,
                "bridge.db.user",
                "sa",
                "bridge.backup.dir",
                dir.resolve("backups").toString()))) {
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService sender = Executors.newSingleThreadExecutor();
            try {
                Future<Void> load = sender.submit(() -> {
                    try (MllpClient c = engine.connect()) {
                        for (int i = 0; running.get(); i++) {
                            String control = "CLI-" + i;
                            if (new String(c.exchange(a04(control)), StandardCharsets.UTF_8).contains("MSA|AA")) {
                                acked.add(control);
                            }
                        }
                    }
                    return null;
                });
                while (acked.size() < 30) {
                    Thread.sleep(50);
                    assertThat(load).isNotDone();
                }
                ackedBefore = new HashSet<>(acked);
                Process cli = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                "-Dlogback.configurationFile=logback.xml",
                                "-Dbridge.db.url=" + url,
                                "-Dbridge.db.user=sa",
                                "com.webptbridge.cli.BridgeCommand",
                                "backup",
                                "--to",
                                file.toString(),
                                "--url",
                                engine.url(),
                                "--user",
                                "admin",
                                "--password",
                                TestEngine.ADMIN_PASSWORD)
                        .redirectErrorStream(true)
                        .start();
                String said = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(cli.exitValue()).as(said).isZero();
                assertThat(said).contains("The running engine took the backup");
                assertThat(load).as("traffic went on during the backup").isNotDone();
                int after = acked.size();
                while (acked.size() < after + 10) {
                    Thread.sleep(50);
                    assertThat(load).isNotDone();
                }
                running.set(false);
                load.get(60, TimeUnit.SECONDS);
            } finally {
                running.set(false);
                sender.shutdownNow();
            }
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        Backup.Contents contents = Backup.verify(file);
        assertThat(contents.rows().get("message_journal")).isGreaterThanOrEqualTo(ackedBefore.size());
        Path fresh = dir.resolve("fresh-cli");
        String restoredUrl = "jdbc:h2:file:" + fresh.resolve("bridge");
        System.setProperty("bridge.db.url", restoredUrl);
        try {
            Cli.Result restored = Cli.runAsGiven("restore", file.toString());
            assertThat(restored.exitCode()).as(restored.err()).isZero();
        } finally {
            System.clearProperty("bridge.db.url");
        }
        try (Connection c = DriverManager.getConnection(restoredUrl + ";IFEXISTS=TRUE", "sa", "");
                PreparedStatement ps = c.prepareStatement("SELECT control_id FROM message_journal WHERE status = ?")) {
            ps.setString(1, "PROCESSED");
            Set<String> restoredIds = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    restoredIds.add(rs.getString(1));
                }
            }
            assertThat(restoredIds).containsAll(ackedBefore);
        }
    }
}
