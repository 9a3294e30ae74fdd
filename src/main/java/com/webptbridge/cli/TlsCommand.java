package com.webptbridge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code bridge tls self-signed --out DIR}: a test keystore and truststore pair, made with the JDK's keytool. */
@Command(name = "tls", description = "TLS helpers.", subcommands = TlsCommand.SelfSigned.class)
final class TlsCommand {

    @Command(
            name = "self-signed",
            description = "Make test certificates in DIR: server.p12 + server-truststore.p12 for the engine,"
                    + " client.p12 + client-truststore.p12 for senders (bridge send --tls), and the settings to use.")
    static final class SelfSigned implements Callable<Integer> {
        private static final String PASSWORD_VARIABLE = "BRIDGE_TLS_STORE_PASSWORD";

        @Spec
        CommandSpec spec;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "DIR",
                description = "Folder for the keystores and truststores (required)")
        Path out;

        @Option(names = "--store-password", description = "Password of the four files (default: generated)")
        String password;

        @Option(names = "--days", defaultValue = "365", description = "How long the certificates are valid")
        int days;

        @Override
        public Integer call() throws Exception {
            PrintWriter print = spec.commandLine().getOut();
            String pw = password != null ? password : generated();
            Files.createDirectories(out);
            for (String f : List.of(
                    "server.p12",
                    "client.p12",
                    "server-truststore.p12",
                    "client-truststore.p12",
                    "server.crt",
                    "client.crt")) {
                Files.deleteIfExists(out.resolve(f));
            }
            String san = "SAN=dns:localhost,ip:127.0.0.1";
            try {
                san += ",dns:" + InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                // localhost only
            }
            keytool(
                    pw,
                    "-genkeypair",
                    "-alias",
                    "bridge",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=WebPT Bridge test server",
                    "-ext",
                    san,
                    "-validity",
                    String.valueOf(days),
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    file("server.p12"),
                    "-storepass:env",
                    PASSWORD_VARIABLE,
                    "-keypass:env",
                    PASSWORD_VARIABLE);
            keytool(
                    pw,
                    "-genkeypair",
                    "-alias",
                    "sender",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=WebPT test sender",
                    "-validity",
                    String.valueOf(days),
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    file("client.p12"),
                    "-storepass:env",
                    PASSWORD_VARIABLE,
                    "-keypass:env",
                    PASSWORD_VARIABLE);
            keytool(
                    pw,
                    "-exportcert",
                    "-rfc",
                    "-alias",
                    "bridge",
                    "-keystore",
                    file("server.p12"),
                    "-storepass:env",
                    PASSWORD_VARIABLE,
                    "-file",
                    file("server.crt"));
            keytool(
                    pw,
                    "-exportcert",
                    "-rfc",
                    "-alias",
                    "sender",
                    "-keystore",
                    file("client.p12"),
                    "-storepass:env",
                    PASSWORD_VARIABLE,
                    "-file",
                    file("client.crt"));
            keytool(
                    pw,
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    "bridge",
                    "-file",
                    file("server.crt"),
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    file("client-truststore.p12"),
                    "-storepass:env",
                    PASSWORD_VARIABLE);
            keytool(
                    pw,
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    "sender",
                    "-file",
                    file("client.crt"),
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    file("server-truststore.p12"),
                    "-storepass:env",
                    PASSWORD_VARIABLE);
            for (String store : List.of("server.p12", "client.p12", "server-truststore.p12", "client-truststore.p12")) {
                ownerOnly(out.resolve(store)); // the keystores hold the private keys
            }
            String settings = "bridge.tls.keystore=" + file("server.p12") + "\n"
                    + "bridge.tls.keystore-password=" + pw + "\n"
                    + "bridge.tls.truststore=" + file("server-truststore.p12") + "\n"
                    + "bridge.tls.truststore-password=" + pw + "\n"
                    + "bridge.mllp.tls=true\n"
                    + "#bridge.mllp.tls.client-auth=require\n";
            Path props = out.resolve("bridge-tls.properties");
            Files.deleteIfExists(props);
            Files.createFile(props);
            ownerOnly(props);
            Files.writeString(props, settings, StandardCharsets.UTF_8);
            print.println(
                    "Test certificates (self-signed, for trying TLS; not for production) in " + out.toAbsolutePath());
            print.println("Engine settings (also in " + props.toAbsolutePath() + "):");
            print.print(settings);
            print.println("A sender: bridge send --tls --truststore " + file("client-truststore.p12")
                    + " --truststore-password " + pw + " [--keystore " + file("client.p12")
                    + " --keystore-password " + pw + "] FILE");
            return 0;
        }

        private static void ownerOnly(Path file) throws IOException {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        }

        private String file(String name) {
            return out.resolve(name).toAbsolutePath().toString();
        }

        private static String generated() {
            byte[] b = new byte[12];
            new SecureRandom().nextBytes(b);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        }

        /** Starts one keytool run and waits for it (a test watches what each run is given). */
        @FunctionalInterface
        interface Runner {
            void run(ProcessBuilder keytool) throws IOException, InterruptedException;
        }

        Runner runner = SelfSigned::start;

        /**
         * Runs keytool with the store password in its environment ({@code -storepass:env}), not on
         * its command line, where any local user could read it (ps, /proc).
         */
        private void keytool(String password, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            command.add(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put(PASSWORD_VARIABLE, password);
            runner.run(builder);
        }

        private static void start(ProcessBuilder builder) throws IOException, InterruptedException {
            Process p = builder.start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + builder.command().get(1) + " failed: "
                        + new String(output, StandardCharsets.UTF_8));
            }
        }
    }
}
