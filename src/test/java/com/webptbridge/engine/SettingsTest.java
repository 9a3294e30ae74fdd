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
    void theHomeHoldsTheSettingsFileDataRoutesAndConfWhateverTheCurrentDirectory(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/application.properties"), "bridge.http.port=3001\n");

        Settings s = Settings.load(Map.of("BRIDGE_HOME", home.toString()), new Properties());

        assertThat(s.getInt("bridge.http.port")).isEqualTo(3001); // its conf/application.properties was read
        assertThat(s.get("bridge.db.url")).isEqualTo("jdbc:h2:file:" + home.resolve("data/bridge"));
        assertThat(s.get("bridge.routes.dir")).isEqualTo(home.resolve("routes").toString());
        assertThat(s.get("bridge.interfaces.dir"))
                .isEqualTo(home.resolve("conf/interfaces").toString());
        assertThat(s.get("bridge.profile"))
                .isEqualTo(home.resolve("conf/profiles/webpt.yaml").toString());
        assertThat(s.get("bridge.reference.dir"))
                .isEqualTo(home.resolve("conf/reference").toString());
        assertThat(s.path("conf/reference/clinic-b")).isEqualTo(home.resolve("conf/reference/clinic-b"));
        assertThat(s.get("bridge.admin.password-file")).isEmpty(); // empty stays "beside the database"
        assertThat(s.get("bridge.tls.keystore")).isEmpty();
    }

    @Test
    void aPathGivenAbsoluteStaysAndTheSystemPropertyHomeWins(@TempDir Path home, @TempDir Path elsewhere) {
        Properties system = new Properties();
        system.setProperty("bridge.home", home.toString());
        system.setProperty("bridge.routes.dir", elsewhere.toString());
        system.setProperty("bridge.db.url", "jdbc:h2:file:./db/x;MODE=PostgreSQL");

        Settings s = Settings.load(
                Map.of("BRIDGE_HOME", elsewhere.resolve("not-this").toString()), system);

        assertThat(s.get("bridge.routes.dir")).isEqualTo(elsewhere.toString());
        assertThat(s.get("bridge.db.url")).isEqualTo("jdbc:h2:file:" + home.resolve("db/x") + ";MODE=PostgreSQL");
        assertThat(s.path(elsewhere.toString())).isEqualTo(elsewhere);
        assertThat(s.get("bridge.profile")).startsWith(home.toString());
    }

    @Test
    void withoutAHomePathsStayRelativeToTheCurrentDirectory() {
        Settings s = Settings.load(Map.of(), new Properties());

        assertThat(s.get("bridge.routes.dir")).isEqualTo("routes");
        assertThat(s.get("bridge.db.url")).isEqualTo("jdbc:h2:file:./data/bridge");
        assertThat(s.path("conf/x")).isEqualTo(Path.of("conf/x"));
    }

    @Test
    void aLogFormatOtherThanTextOrJsonStopsTheStartNamingIt() {
        assertThatThrownBy(() -> LogFormat.apply(Settings.of(Map.of("bridge.log.format", "xml"))))
                .hasMessageContaining("bridge.log.format must be text or json, was 'xml'");
    }

    @Test
    void aBadNumberSaysWhichSetting() {
        assertThatThrownBy(() -> Settings.of(Map.of("bridge.mllp.port", "twenty")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bridge.mllp.port must be a whole number, was 'twenty'");
    }

    @Test
    void anUnknownKeyInTheFileStopsTheStartNamingItAndTheLikelyMeaning(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, "bridge.mllp.prot=3000\n");

        assertThatThrownBy(() -> Settings.load(file, Map.of(), new Properties()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown setting bridge.mllp.prot (did you mean bridge.mllp.port?)");
    }

    @Test
    void aMisspeltBooleanStopsTheStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, "bridge.reprocess.auto=flase\n");

        assertThatThrownBy(() -> Settings.load(file, Map.of(), new Properties()))
                .hasMessageContaining("bridge.reprocess.auto must be true or false, was 'flase'");
    }

    @Test
    void aWrongValueFromASystemPropertyOrAPortOutOfRangeIsNamedToo(@TempDir Path dir) {
        Properties system = new Properties();
        system.setProperty("bridge.http.port", "80800");
        system.setProperty("bridge.config", "elsewhere.properties"); // where the file is: not a setting
        system.setProperty("bridge.test.db.url", "jdbc:postgresql://x/y"); // the tests' own switch

        assertThatThrownBy(() -> Settings.load(dir.resolve("none.properties"), Map.of(), system))
                .hasMessageContaining("bridge.http.port must be a port number (0 to 65535), was 80800")
                .hasMessageNotContaining("bridge.config")
                .hasMessageNotContaining("bridge.test");
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
    }
}
