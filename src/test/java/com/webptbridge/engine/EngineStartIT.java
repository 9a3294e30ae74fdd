package com.webptbridge.engine;

import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the engine refuses at start, with a message that names what to fix. */
class EngineStartIT {

    @Test
    void aMisspelledProfileKeyStopsTheEngineNamingTheKey(@TempDir Path dir) throws Exception {
        String shipped = Files.readString(Path.of("conf/profiles/webpt.yaml"));
        String misspelled = shipped.replace("  units: FT1-10", "  unts: FT1-10");
        assertThat(misspelled).isNotEqualTo(shipped);
        Path profile = dir.resolve("webpt.yaml");
        Files.writeString(profile, misspelled);

        assertThatThrownBy(() -> TestEngine.start(Map.of("bridge.profile", profile.toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("charge.unts")
                .hasMessageContaining("units");
    }

    @Test
    void anMllpPortInUseStopsTheStartNamingTheSettingAndPort() throws Exception {
        try (java.net.ServerSocket taken =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> TestEngine.start(Map.of("bridge.mllp.port", String.valueOf(port))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("MLLP port " + port)
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("bridge.mllp.port");
        }
    }

    @Test
    void anHttpPortInUseStopsTheStartNamingTheSettingAndPort() throws Exception {
        try (java.net.ServerSocket taken =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> TestEngine.start(Map.of("bridge.http.port", String.valueOf(port))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("bridge.http.port " + port + " is already in use");
        }
    }

    @Test
    void theAcceptedMessageTypesComeFromTheRoute() throws Exception {
        try (TestEngine engine = TestEngine.start()) {
            assertThat(AcceptedEvents.of(engine.engine().camel()))
                    .isEqualTo(Map.of(
                            "ADT", java.util.Set.of("A04", "A08", "A28", "A31"),
                            "DFT", java.util.Set.of("P03")));
        }
    }
}
