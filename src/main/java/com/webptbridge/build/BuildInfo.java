package com.webptbridge.build;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The one version this build reports everywhere ({@code bridge --version}, {@code /health}, the
 * console, {@code bridge_build_info}, the start log): the pom's version and the git commit the build
 * came from, written into {@code webpt-bridge-build.properties} by Maven's resource filtering. A build
 * from outside a git checkout says commit "unknown".
 */
public record BuildInfo(String version, String commit) {

    private static final BuildInfo CURRENT = read();

    public static BuildInfo current() {
        return CURRENT;
    }

    /** "1.0.0 (commit 3e34933a1b)": how people see it. */
    @Override
    public String toString() {
        return version + " (commit " + commit + ")";
    }

    private static BuildInfo read() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/webpt-bridge-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Unreadable is the same as absent: the classes were not built by Maven.
        }
        String version = filtered(p.getProperty("version"));
        String commit = filtered(p.getProperty("commit"));
        return new BuildInfo(version == null ? "unknown" : version, commit == null ? "unknown" : commit);
    }

    /** A value the build did not fill in (still "${...}", e.g. classes compiled by an IDE) is absent. */
    private static String filtered(String value) {
        return value == null || value.isBlank() || value.contains("${") ? null : value.trim();
    }
}
