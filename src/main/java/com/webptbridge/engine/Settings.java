package com.webptbridge.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Engine settings: the built-in defaults, then conf/application.properties (or the file named by
 * {@code -Dbridge.config}), then environment variables ({@code BRIDGE_MLLP_PORT} for
 * {@code bridge.mllp.port}), then {@code -Dbridge.*} system properties. Later wins.
 */
public final class Settings {

    private final Properties values;

    private Settings(Properties values) {
        this.values = values;
    }

    /** Settings as an operator gives them: file, environment, system properties. */
    public static Settings load() {
        Path file = Path.of(System.getProperty("bridge.config", "conf/application.properties"));
        return load(file, System.getenv(), System.getProperties());
    }

    static Settings load(Path file, Map<String, String> env, Properties system) {
        Properties p = defaults();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read settings file " + file + ": " + e.getMessage(), e);
            }
        }
        for (String key : p.stringPropertyNames()) {
            String fromEnv = env.get(environmentName(key));
            if (fromEnv != null) {
                p.setProperty(key, fromEnv);
            }
        }
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith("bridge.")) {
                p.setProperty(key, system.getProperty(key));
            }
        }
        return new Settings(p);
    }

    /** Defaults and overrides only, no file or environment: what tests start from. */
    public static Settings of(Map<String, String> overrides) {
        Properties p = defaults();
        overrides.forEach(p::setProperty);
        return new Settings(p);
    }

    /** The built-in defaults file as written: every setting with its default and what it means. */
    public static String documentedDefaults() {
        try (InputStream in = Settings.class.getResourceAsStream("/bridge-defaults.properties")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("bridge-defaults.properties is missing from the jar", e);
        }
    }

    /** Every setting's value in force, sorted by key; passwords are masked. */
    public java.util.SortedMap<String, String> effective() {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        for (String key : values.stringPropertyNames()) {
            out.put(
                    key,
                    key.endsWith("password") && !values.getProperty(key).isEmpty() ? "****" : values.getProperty(key));
        }
        return out;
    }

    private static Properties defaults() {
        Properties p = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/bridge-defaults.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("bridge-defaults.properties is missing from the jar", e);
        }
        return p;
    }

    /** {@code bridge.mllp.max-frame-bytes} is read from {@code BRIDGE_MLLP_MAX_FRAME_BYTES}. */
    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String get(String key) {
        String v = values.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("Setting " + key + " is missing");
        }
        return v.trim();
    }

    public int getInt(String key) {
        try {
            return Integer.parseInt(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Setting " + key + " must be a whole number, was '" + get(key) + "'");
        }
    }

    /** true or false; anything else is refused naming the setting. */
    public boolean getBoolean(String key) {
        String v = get(key).toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalStateException("Setting " + key + " must be true or false, was '" + get(key) + "'");
    }

    public Properties asProperties() {
        Properties p = new Properties();
        p.putAll(values);
        return p;
    }
}
