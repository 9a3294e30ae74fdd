package com.webptbridge;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docs that stay true: every repository path README.md and docs/**.md name, in backticks or as a
 * link, exists. A path is one that starts at a top-level entry of the repository
 * ({@code src/main/java/...}, {@code conf/...}, {@code bench/run.sh}, {@code routes/...}), a link
 * relative to its page, or a class named by its package ({@code store/BatchWriter},
 * {@code billing.ReferenceKind}). Patterns ({@code conf/interfaces/<id>.yaml}, {@code routes/*.yaml})
 * name no one file and are left alone.
 */
class DocsPathsTest {

    private static final Path ROOT = Path.of("");
    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Set<String> TOP =
            Set.of(".ci", "bench", "bin", "conf", "docs", "hl7-samples", "routes", "src", "pom.xml", "README.md");
    /**
     * Written when something runs, not kept in the repository: the bench's results, and the folder an
     * installation's interface files go in (the repository ships none).
     */
    private static final List<String> WRITTEN = List.of("bench/results/", "conf/interfaces");

    private static final Path MAIN = Path.of("src/main/java/com/webptbridge");
    private static final Path TEST = Path.of("src/test/java/com/webptbridge");
    private static final Pattern CLASS = Pattern.compile("([a-z]+)[/.]([A-Z][A-Za-z0-9]*)(\\.java)?");

    @Test
    void everyPathTheDocsNameExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path page : pages()) {
            String text = Files.readString(page);
            Matcher code = CODE.matcher(text);
            while (code.find()) {
                String token = code.group(1).trim().split("\\s+")[0];
                check(page, token, false, missing);
            }
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                check(page, link.group(1), true, missing);
            }
        }
        assertThat(missing).as("paths named in the docs that do not exist").isEmpty();
    }

    @Test
    void theCheckFindsAPathThatIsGone() {
        List<String> missing = new ArrayList<>();
        check(Path.of("README.md"), "bench/no-such-script.sh", false, missing);
        check(Path.of("README.md"), "store/NoSuchClass", false, missing);
        check(Path.of("docs/api.md"), "no-such-page.md", true, missing);
        check(Path.of("README.md"), "bench/run.sh", false, missing);
        check(Path.of("README.md"), "store/BatchWriter", false, missing);
        check(Path.of("README.md"), "docs/api.md", true, missing);
        assertThat(missing).hasSize(3);
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static void check(Path page, String raw, boolean link, List<String> missing) {
        String token = raw.replaceAll("[.,;:)]+$", "");
        if (link) {
            if (token.matches("[a-z]+:.*") || token.startsWith("#")) {
                return; // a web address or an anchor on the same page
            }
            token = token.replaceFirst("#.*$", "");
        }
        if (token.isEmpty() || token.matches(".*[<>{}*$\\[\\]|].*") || token.contains("...")) {
            return; // a pattern or a placeholder, not one file
        }
        String path = token.replaceFirst("^\\./", "").replaceFirst(":\\d+$", "");
        Path resolved = null;
        if (path.isEmpty() || path.startsWith("/")) {
            return; // an absolute path is the reader's machine, not the repository (an API path is also one)
        }
        String first = path.split("/")[0];
        if (TOP.contains(first)) {
            resolved = ROOT.resolve(path);
        } else if (link) {
            resolved = page.toAbsolutePath().getParent().resolve(path);
        } else {
            Matcher c = CLASS.matcher(path);
            if (c.matches() && Files.isDirectory(MAIN.resolve(c.group(1)))) {
                String file = c.group(1) + "/" + c.group(2) + ".java";
                if (!Files.exists(MAIN.resolve(file)) && !Files.exists(TEST.resolve(file))) {
                    missing.add(page + ": " + token);
                }
            }
            return;
        }
        if (WRITTEN.stream().anyMatch(path::startsWith)) {
            return;
        }
        // A class may be named without its .java (src/test/java/.../ListenerRobustnessIT).
        if (!Files.exists(resolved.normalize()) && !Files.exists(Path.of(resolved.normalize() + ".java"))) {
            missing.add(page + ": " + token);
        }
    }
}
