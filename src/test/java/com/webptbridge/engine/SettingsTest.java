package com.webptbridge.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    @Test
    void fileThenEnvironmentThenSystemPropertiesWin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, "bridge.mllp.port=3000\nbridge.http.port=3001\nbridge.mllp.max-frame-bytes=5000\n");
        Properties system = new Properties();
        system.setProperty("bridge.http.port", "4001");
        Settings s = Settings.load(
                file,
                Map.of("BRIDGE_MLLP_PORT", "3500", "BRIDGE_HTTP_PORT", "3501", "BRIDGE_MLLP_MAX_FRAME_BYTES", "6000"),
                system);
        assertThat(s.getInt("bridge.mllp.port")).isEqualTo(3500);
        assertThat(s.getInt("bridge.http.port")).isEqualTo(4001);
        assertThat(s.getInt("bridge.mllp.max-frame-bytes")).isEqualTo(6000);
        assertThat(s.get("bridge.db.url")).startsWith("jdbc:h2:file:./data/"); // built-in default
    }

    @Test
    void aBadNumberSaysWhichSetting() {
        Settings s = Settings.of(Map.of("bridge.mllp.port", "twenty"));
        assertThatThrownBy(() -> s.getInt("bridge.mllp.port"))
                .hasMessageContaining("bridge.mllp.port")
                .hasMessageContaining("twenty");
    }

    @Test
    void theShippedSettingsFileMatchesTheBuiltInDefaults() throws Exception {
        Properties shipped = new Properties();
        try (var in = Files.newBufferedReader(Path.of("conf/application.properties"))) {
            shipped.load(in);
        }
        Settings defaults = Settings.of(Map.of());
        for (String key : shipped.stringPropertyNames()) {
            assertThat(defaults.get(key))
                    .as(key)
                    .isEqualTo(shipped.getProperty(key).trim());
        }
        assertThat(BridgeEngine.safeUrl("jdbc:postgresql://h/db?password=secret"))
                .isEqualTo("jdbc:postgresql://h/db");
    }
}
