package com.webptbridge.cli;

import java.io.Console;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;

/**
 * How a command logs in to the engine's API, first found wins: {@code --user} (with
 * {@code --password}, BRIDGE_API_PASSWORD, or asked on the console), BRIDGE_API_TOKEN, then
 * {@code ~/.webpt-bridge/credentials} ({@code token=...}, or {@code user=...} and {@code password=...}).
 */
final class Credentials {

    private Credentials() {}

    static Path file() {
        return Path.of(System.getProperty("user.home"), ".webpt-bridge", "credentials");
    }

    /** The Authorization header's value, or null when nothing is configured. */
    static String authorization(ApiOptions root) {
        if (root.user != null && !root.user.isBlank()) {
            String password = root.password != null ? root.password : System.getenv("BRIDGE_API_PASSWORD");
            if (password == null) {
                Console console = System.console();
                if (console != null) {
                    char[] typed = console.readPassword("Password for %s: ", root.user);
                    password = typed == null ? "" : new String(typed);
                }
            }
            return basic(root.user, password == null ? "" : password);
        }
        String token = System.getenv("BRIDGE_API_TOKEN");
        if (token != null && !token.isBlank()) {
            return "Bearer " + token.trim();
        }
        Path file = file();
        if (Files.isReadable(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                return null;
            }
            if (p.getProperty("token") != null) {
                return "Bearer " + p.getProperty("token").trim();
            }
            if (p.getProperty("user") != null) {
                return basic(p.getProperty("user").trim(), p.getProperty("password", ""));
            }
        }
        return null;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
