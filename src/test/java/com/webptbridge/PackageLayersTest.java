package com.webptbridge;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arrows point one way: a package uses only the packages above it in {@link #LAYERS} (and the
 * faces and wiring at the bottom may use everything above them), so there is no cycle between
 * packages. A new package must be given its place here. Inside a package, subpackages (e.g.
 * {@code store.journal}, {@code store.billing}) may not form an import cycle either, and the rooms
 * of {@code store} use its SQL kit, never each other.
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
            "readiness", // claim-readiness rules: findings about resolved encounters
            "inbound", // the route's steps
            "maintenance", // worklist, reprocessing, auto-reprocess
            "files", // messages from files: the initial patient load, the file drop
            "golive", // the lifecycle changes and the readiness report
            "reports", // period reports and reconciliation: their periods and documents
            "interfaces", // an interface per practice: definitions and the registry the API uses
            "tester", // sending, replaying and checking samples
            "api", // HTTP
            "engine", // wiring
            "cli"); // the command line

    private static final Path MAIN = Path.of("src/main/java/com/webptbridge");
    private static final Pattern USE = Pattern.compile("com\\.webptbridge\\.([a-z0-9]+)\\.");
    /** A use of a class, or of a whole package: the package is the lower-case names before the first type. */
    private static final Pattern USE_OF_PACKAGE =
            Pattern.compile("com\\.webptbridge((?:\\.[a-z0-9]+)+)\\.(?:[A-Z]|\\*)");

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

    @Test
    void noImportCycleBetweenPackagesOrSubpackages() throws IOException {
        Map<String, Set<String>> uses = uses();
        List<String> cycles = new ArrayList<>();
        for (String from : uses.keySet()) {
            List<String> path = pathBack(uses, from);
            if (!path.isEmpty()) {
                cycles.add(String.join(" -> ", path));
            }
        }
        assertThat(cycles).as("import cycles between packages").isEmpty();
    }

    @Test
    void storeRoomsUseTheKitAndNeverEachOther() throws IOException {
        List<String> violations = new ArrayList<>();
        uses().forEach((from, tos) -> {
            for (String to : tos) {
                if (room(from) != null && room(to) != null && !room(from).equals(room(to))) {
                    violations.add(from + " uses " + to);
                }
                if (from.equals("store") && room(to) != null) {
                    violations.add("the SQL kit (store) uses its room " + to);
                }
            }
        });
        assertThat(violations).as("uses between store's rooms").isEmpty();
    }

    @Test
    void everyPackageSaysWhatItOwns() throws IOException {
        assertThat(uses().keySet())
                .as("packages without package-info.java")
                .filteredOn(p -> !Files.exists(MAIN.resolve(p.replace('.', '/')).resolve("package-info.java")))
                .isEmpty();
    }

    /** store's room a package is in (store.journal, store.billing, ...), or null for the kit and others. */
    private static String room(String pkg) {
        String[] parts = pkg.split("\\.");
        return parts.length >= 2 && parts[0].equals("store") && !parts[1].equals("migration")
                ? parts[0] + "." + parts[1]
                : null;
    }

    /** A path from {@code start} back to itself through the uses, or empty when there is none. */
    private static List<String> pathBack(Map<String, Set<String>> uses, String start) {
        Deque<List<String>> paths = new ArrayDeque<>();
        paths.add(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.poll();
            for (String next : uses.getOrDefault(path.get(path.size() - 1), Set.of())) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(start)) {
                    return longer;
                }
                if (seen.add(next)) {
                    paths.add(longer);
                }
            }
        }
        return List.of();
    }

    /** Package (relative to com.webptbridge, e.g. {@code store.journal}) to the other packages its classes use. */
    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = MAIN.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> tos = uses.computeIfAbsent(from, k -> new TreeSet<>());
                String source = Files.readString(file).replaceFirst("package com\\.webptbridge\\.[a-z0-9.]+;", "");
                Matcher use = USE_OF_PACKAGE.matcher(source);
                while (use.find()) {
                    String to = use.group(1).substring(1);
                    if (!to.equals(from)) {
                        tos.add(to);
                    }
                }
            }
        }
        return uses;
    }
}
