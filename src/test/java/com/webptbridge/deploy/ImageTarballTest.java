package com.webptbridge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The image `mvn -Pimage package` builds (target/jib-image.tar): its config runs the engine as a
 * numeric non-root user from the jlinked JRE, exposes MLLP and HTTP, keeps data in a volume and
 * carries the OCI labels; and that JRE, unpacked from the layers, starts. Skipped (saying so) when
 * the tarball was not built; CI builds it first and sets -Dbridge.test.image=true, which makes a
 * missing tarball a failure.
 */
class ImageTarballTest {

    private static final Path TARBALL = Path.of("target/jib-image.tar");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, byte[]> entries;

    @BeforeAll
    static void read() throws IOException {
        if (Boolean.getBoolean("bridge.test.image")) {
            assertThat(TARBALL).as("mvn -Pimage package builds it").exists();
        }
        assumeTrue(Files.exists(TARBALL), "no " + TARBALL + ": build it with mvn -Pimage package -DskipTests");
        entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(TARBALL))) {
            for (TarArchiveEntry e = tar.getNextTarEntry(); e != null; e = tar.getNextTarEntry()) {
                entries.put(e.getName(), tar.readAllBytes());
            }
        }
    }

    private static JsonNode config() throws IOException {
        JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
        return JSON.readTree(entries.get(manifest.get("Config").asText())).get("config");
    }

    @Test
    void theConfigRunsTheEngineAsNonRootWithItsPortsVolumeAndLabels() throws IOException {
        JsonNode c = config();
        assertThat(c.get("User").asText()).isEqualTo("10001:10001");
        assertThat(c.get("User").asText()).doesNotStartWith("0");
        assertThat(JSON.convertValue(c.get("Entrypoint"), List.class))
                .startsWith("/opt/jre/bin/java")
                .endsWith("com.webptbridge.cli.BridgeCommand");
        assertThat(JSON.convertValue(c.get("Cmd"), List.class)).containsExactly("run");
        assertThat(c.get("ExposedPorts").fieldNames()).toIterable().containsExactlyInAnyOrder("2575/tcp", "8080/tcp");
        assertThat(c.get("Volumes").fieldNames()).toIterable().containsExactly("/opt/webpt-bridge/data");
        assertThat(JSON.convertValue(c.get("Env"), List.class)).contains("BRIDGE_HOME=/opt/webpt-bridge");
        JsonNode labels = c.get("Labels");
        for (String label : List.of("version", "revision", "source", "licenses")) {
            assertThat(labels.path("org.opencontainers.image." + label).asText())
                    .as(label)
                    .isNotBlank();
        }
        assertThat(labels.get("org.opencontainers.image.version").asText())
                .isEqualTo(com.webptbridge.build.BuildInfo.current().version());
    }

    @Test
    void theImagesJreStartsFromItsLayers(@TempDir Path root) throws Exception {
        for (Map.Entry<String, byte[]> layer : entries.entrySet()) {
            if (layer.getKey().endsWith(".tar.gz")) {
                unpack(new GZIPInputStream(new java.io.ByteArrayInputStream(layer.getValue())), root);
            }
        }
        Path java = root.resolve("opt/jre/bin/java");
        assertThat(java).isExecutable();
        assertThat(root.resolve("opt/webpt-bridge/conf/application.properties")).exists();
        assertThat(root.resolve("app/jib-classpath-file")).exists();
        Process p = new ProcessBuilder(java.toString(), "--list-modules")
                .redirectErrorStream(true)
                .start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out.toString()).isZero();
        assertThat(out.toString()).contains("java.sql", "jdk.crypto.ec", "java.net.http", "java.management");
    }

    private static void unpack(InputStream layer, Path root) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(layer)) {
            for (TarArchiveEntry e = tar.getNextTarEntry(); e != null; e = tar.getNextTarEntry()) {
                Path to = root.resolve(e.getName()).normalize();
                assertThat(to.startsWith(root)).as(e.getName()).isTrue();
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(to.getParent());
                    Files.createSymbolicLink(to, Path.of(e.getLinkName()));
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(tar, to);
                    to.toFile().setExecutable((e.getMode() & 0100) != 0);
                }
            }
        }
    }
}
