package com.webptbridge;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arrows point one way: a package uses only the packages above it in {@link #LAYERS} (and the
 * faces and wiring at the bottom may use everything above them), so there is no cycle between
 * packages. A new package must be given its place here.
 */
class PackageLayersTest {

    /** Top to bottom: each may use only those before it. */
    private static final List<String> LAYERS = List.of(
            "build", // which build this is: version and commit
            "transport", // bytes and connections
            "billing", // the shared vocabulary: records and kinds
            "hl7", // parsing, ACK/NAK, error reasons
            "store", // all SQL
            "mapping", // profile and mappers: HL7 to mapped records
            "reference", // resolution mapped to resolved; reference maintenance rules
            "inbound", // the route's steps
            "maintenance", // worklist, reprocessing, auto-reprocess
            "interfaces", // an interface per practice: definitions and the registry the API uses
            "tester", // sending, replaying and checking samples
            "api", // HTTP
            "engine", // wiring
            "cli"); // the command line

    private static final Path MAIN = Path.of("src/main/java/com/webptbridge");
    private static final Pattern USE = Pattern.compile("com\\.webptbridge\\.([a-z0-9]+)\\.");

    @Test
    void everyPackageHasAPlaceInTheLayers() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            List<String> packages = dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .toList();
            assertThat(LAYERS).containsExactlyInAnyOrderElementsOf(packages);
        }
    }

    @Test
    void noPackageUsesOneBelowIt() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = MAIN.relativize(file).getName(0).toString();
                String source = Files.readString(file).replaceFirst("package com\\.webptbridge\\.[a-z0-9.]+;", "");
                Matcher use = USE.matcher(source);
                while (use.find()) {
                    String to = use.group(1);
                    if (!to.equals(from) && LAYERS.indexOf(to) > LAYERS.indexOf(from)) {
                        violations.add(MAIN.relativize(file) + " (" + from + ") uses " + to);
                    }
                }
            }
        }
        assertThat(violations).as("uses of a package below").isEmpty();
    }
}
