package com.webptbridge.engine;

import ch.qos.logback.classic.Level;
import com.webptbridge.support.LogCapture;
import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP API beyond the loopback without TLS: refused, unless allowed on purpose (then a warning each start). */
class PlainRemoteHttpIT {

    private static Settings engineOn(Path dir, String httpHost, Map<String, String> more) throws Exception {
        Properties p = new Properties();
        p.setProperty("bridge.db.url", "jdbc:h2:file:" + dir.resolve("data/bridge"));
        p.setProperty("bridge.mllp.host", "127.0.0.1");
        p.setProperty("bridge.mllp.port", String.valueOf(TestEngine.freePort()));
        p.setProperty("bridge.http.host", httpHost);
        p.setProperty("bridge.http.port", "0");
        p.setProperty("bridge.admin.password", "a-long-enough-password");
        more.forEach(p::setProperty);
        return Settings.load(dir.resolve("none.properties"), Map.of(), p);
    }

    private static int health(BridgeEngine engine) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.httpPort() + "/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void everyAddressWithoutTlsStopsTheStartNamingBothFixes(@TempDir Path dir) throws Exception {
        Settings settings = engineOn(dir, "0.0.0.0", Map.of());

        assertThatThrownBy(() -> BridgeEngine.start(settings).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bridge.http.host=0.0.0.0")
                .hasMessageContaining("in clear")
                .hasMessageContaining("bridge.http.tls=true")
                .hasMessageContaining("bridge.http.allow-plain-remote=true");
        assertThat(dir.resolve("data")).as("refused before the database opened").doesNotExist();
    }

    @Test
    void aNamedNetworkAddressIsRefusedToo(@TempDir Path dir) throws Exception {
        Settings settings = engineOn(dir, "10.1.2.3", Map.of());

        assertThatThrownBy(() -> BridgeEngine.start(settings).close())
                .hasMessageContaining("bridge.http.host=10.1.2.3")
                .hasMessageContaining("bridge.http.allow-plain-remote=true");
    }

    @Test
    void allowedOnPurposeItStartsAndWarns(@TempDir Path dir) throws Exception {
        Settings settings = engineOn(dir, "0.0.0.0", Map.of("bridge.http.allow-plain-remote", "true"));
        try (LogCapture logs = new LogCapture();
                BridgeEngine engine = BridgeEngine.start(settings)) {
            assertThat(health(engine)).isEqualTo(200);
            assertThat(logs.text(e -> e.getLevel() == Level.WARN))
                    .contains("listens on 0.0.0.0 without TLS")
                    .contains("bridge.http.allow-plain-remote=true");
        }
    }

    @Test
    void theLoopbackNeedsNeitherTlsNorTheFlag(@TempDir Path dir) throws Exception {
        for (String host : new String[] {"127.0.0.1", "localhost"}) {
            try (LogCapture logs = new LogCapture();
                    BridgeEngine engine = BridgeEngine.start(engineOn(dir, host, Map.of()))) {
                assertThat(health(engine)).isEqualTo(200);
                assertThat(logs.text()).doesNotContain("without TLS");
            }
        }
        assertThat(PlainRemoteHttp.loopback("::1")).isTrue();
        assertThat(PlainRemoteHttp.loopback("127.0.0.2")).isTrue();
        assertThat(PlainRemoteHttp.loopback("0.0.0.0")).isFalse();
        assertThat(PlainRemoteHttp.loopback("::")).isFalse();
    }
}
