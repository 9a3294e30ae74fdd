package com.webptbridge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bridge tls self-signed} hands keytool the store password through its environment, never its command line. */
class TlsSelfSignedTest {

    @Test
    void noKeytoolCommandLineHoldsTheStorePassword(@TempDir Path out) {
        String password = "very-secret-store-pw";
        List<List<String>> commands = new ArrayList<>();
        List<Map<String, String>> environments = new ArrayList<>();
        TlsCommand.SelfSigned command = new TlsCommand.SelfSigned();
        TlsCommand.SelfSigned.Runner real = command.runner;
        command.runner = keytool -> {
            commands.add(List.copyOf(keytool.command()));
            environments.add(Map.copyOf(keytool.environment()));
            real.run(keytool); // the real keytool: the stores must still come out
        };
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(new StringWriter()));

        int exit = cli.execute("--out", out.toString(), "--store-password", password);

        assertThat(exit).isZero();
        assertThat(out.resolve("server.p12")).exists();
        assertThat(out.resolve("client-truststore.p12")).exists();
        assertThat(commands).hasSize(6);
        for (int i = 0; i < commands.size(); i++) {
            List<String> args = commands.get(i);
            assertThat(args).as("keytool %s", args.get(1)).noneMatch(a -> a.contains(password));
            assertThat(args).as("keytool %s", args.get(1)).contains("-storepass:env");
            assertThat(environments.get(i)).containsValue(password);
        }
    }
}
