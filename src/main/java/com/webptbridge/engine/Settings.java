package com.webptbridge.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Engine settings: the built-in defaults, then conf/application.properties (or the file named by
 * {@code -Dbridge.config}), then environment variables ({@code BRIDGE_MLLP_PORT} for
 * {@code bridge.mllp.port}), then {@code -Dbridge.*} system properties. Later wins. An unknown
 * {@code bridge.*} key or a value of the wrong type stops the start, naming the key: the defaults
 * file lists every valid key, and a default's shape (a number, true/false) is its type.
 *
 * <p>The home ({@code -Dbridge.home}, else {@code BRIDGE_HOME}; {@code bin/bridge} of a distribution
 * sets it to the unpacked directory) is where the relative paths point: the settings file
 * (conf/application.properties), the embedded database (data/), routes/, conf/interfaces, the profile,
 * the reference data and the TLS stores. Without a home they are relative to the current directory,
 * as when run from the source tree.
 */
public final class Settings {

    /** The settings that name a file or folder, resolved against the home (bridge.db.url apart). */
    private static final Set<String> PATHS = Set.of(
            "bridge.routes.dir",
            "bridge.interfaces.dir",
            "bridge.profile",
            "bridge.reference.dir",
            "bridge.admin.password-file",
            "bridge.tls.keystore",
            "bridge.tls.truststore");

    private static final String H2_FILE = "jdbc:h2:file:";

    private final Properties values;
    private final Path home;

    private Settings(Properties values, Path home) {
        this.values = values;
        this.home = home;
    }

    /** Settings as an operator gives them: file, environment, system properties. */
    public static Settings load() {
        return load(System.getenv(), System.getProperties());
    }

    /**
     * The home is -Dbridge.home, else BRIDGE_HOME, else none (the current directory); the settings
     * file -Dbridge.config, else conf/application.properties, relative to the home.
     */
    static Settings load(Map<String, String> env, Properties system) {
        String named = system.getProperty("bridge.home", env.get("BRIDGE_HOME"));
        Path home = named == null || named.isBlank()
                ? null
                : Path.of(named).toAbsolutePath().normalize();
        Path file = Path.of(system.getProperty("bridge.config", "conf/application.properties"));
        return load(home == null || file.isAbsolute() ? file : home.resolve(file), home, env, system);
    }

    static Settings load(Path file, Map<String, String> env, Properties system) {
        return load(file, null, env, system);
    }

    static Settings load(Path file, Path home, Map<String, String> env, Properties system) {
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
            if (key.startsWith("bridge.") && !NOT_SETTINGS.contains(key) && !key.startsWith("bridge.test.")) {
                p.setProperty(key, system.getProperty(key));
            }
        }
        if (home != null) {
            inHome(p, home);
        }
        return validated(p, home);
    }

    /** System properties under bridge.* that are not engine settings: the settings file and the home. */
    private static final Set<String> NOT_SETTINGS = Set.of("bridge.config", "bridge.home");

    /** Makes the relative paths absolute under the home, so nothing depends on the current directory. */
    private static void inHome(Properties p, Path home) {
        for (String key : PATHS) {
            String value = p.getProperty(key, "").trim();
            if (!value.isEmpty()) {
                p.setProperty(key, home.resolve(value).normalize().toString());
            }
        }
        String url = p.getProperty("bridge.db.url", "").trim();
        if (url.startsWith(H2_FILE)
                && !Path.of(url.substring(H2_FILE.length()).split(";", 2)[0]).isAbsolute()) {
            p.setProperty(
                    "bridge.db.url",
                    H2_FILE + home.resolve(url.substring(H2_FILE.length())).normalize());
        }
    }

    /** A path an interface file names (its profile, its reference data): relative to the home when set. */
    public Path path(String named) {
        Path p = Path.of(named);
        return home == null || p.isAbsolute() ? p : home.resolve(p).normalize();
    }

    /**
     * Refuses, naming the key, a bridge.* key the defaults file does not list (a typo such as
     * bridge.mllp.prot would otherwise be ignored) and a value whose type differs from its default's:
     * a whole number (a port: 1 to 65535, or 0 for any free port) or true/false.
     */
    private static Settings validated(Properties p, Path home) {
        Properties defaults = defaults();
        List<String> problems = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
            String value = p.getProperty(key).trim();
            String standard = defaults.getProperty(key);
            if (standard == null) {
                if (key.startsWith("bridge.")) {
                    problems.add(
                            "unknown setting " + key + closest(key, defaults) + " (`bridge settings` lists them all)");
                }
                continue;
            }
            String problem = typeProblem(key, value, standard.trim());
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid settings: " + String.join("; ", problems) + ".");
        }
        return new Settings(p, home);
    }

    private static String typeProblem(String key, String value, String standard) {
        if (standard.equals("true") || standard.equals("false")) {
            return value.equals("true") || value.equals("false")
                    ? null
                    : key + " must be true or false, was '" + value + "'";
        }
        if (standard.matches("\\d+")) {
            if (!value.matches("\\d{1,10}") || Long.parseLong(value) > Integer.MAX_VALUE) {
                return key + " must be a whole number, was '" + value + "'";
            }
            if (key.endsWith(".port") && Integer.parseInt(value) > 65535) {
                return key + " must be a port number (0 to 65535), was " + value;
            }
        }
        return null;
    }

    /** ", did you mean bridge.mllp.port?" for a key one small typo away from a known one. */
    private static String closest(String key, Properties defaults) {
        String best = null;
        int bestDistance = 3;
        for (String known : defaults.stringPropertyNames()) {
            int d = distance(key, known);
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Defaults and overrides only, no file or environment: what tests start from. */
    public static Settings of(Map<String, String> overrides) {
        Properties p = defaults();
        overrides.forEach(p::setProperty);
        return validated(p, null);
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

    /** A comma-separated list, in its order, blanks dropped. */
    public java.util.Set<String> getList(String key) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String part : get(key).split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
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
