package com.webptbridge.interfaces;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An interface file's {@code reports.webhook}: read, kept when the file is written back, refused when not a web address. */
class ReportsWebhookDefinitionTest {

    @TempDir
    Path dir;

    private Path file(String reports) throws Exception {
        Path f = dir.resolve("clinic-a.yaml");
        Files.writeString(f, "id: clinic-a\nmllp:\n  port: 2576\n" + reports);
        return f;
    }

    @Test
    void theWebhookIsReadAndKeptWhenTheDefinitionIsWrittenBack() throws Exception {
        InterfaceDefinition d =
                InterfaceDefinition.read(file("reports:\n  webhook: https://hooks.example.org/b?t=1\n"));
        assertThat(d.reportWebhook()).hasToString("https://hooks.example.org/b?t=1");
        Path again = dir.resolve("out").resolve("clinic-a.yaml");
        d.withEnabled(false).write(again);
        assertThat(InterfaceDefinition.read(again).reportWebhook()).isEqualTo(d.reportWebhook());
        assertThat(InterfaceDefinition.read(file("")).reportWebhook()).isNull();
    }

    @Test
    void anAddressThatIsNotHttpIsRefusedWithoutRepeatingIt() throws Exception {
        Path f = file("reports:\n  webhook: ftp://hooks.example.org/secret-token\n");
        assertThatThrownBy(() -> InterfaceDefinition.read(f))
                .hasMessageContaining("reports.webhook")
                .hasMessageContaining("https://")
                .hasMessageNotContaining("secret-token");
        assertThatThrownBy(() -> InterfaceDefinition.read(file("reports:\n  hook: https://x.org\n")))
                .hasMessageContaining("reports (webhook)");
    }
}
