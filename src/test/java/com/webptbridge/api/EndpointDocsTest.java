package com.webptbridge.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api.md and the endpoint table agree: each endpoint has its row (method, path, least role,
 * scope), each row is an endpoint, and every request the page names anywhere else (a heading, an
 * example in the text) is one the table has, under its short or its interface's path.
 */
class EndpointDocsTest {

    private static final Path DOC = Path.of("docs/api.md");
    /** A row of the endpoint table: | GET | [`/api/x`](#anchor) | viewer ... | scope | answer |. */
    private static final Pattern ROW =
            Pattern.compile("^\\| (GET|POST|PUT|DELETE) \\| \\[?`([^`]+)`[^|]*\\| (\\w+)[^|]*\\| ([\\w-]*) *\\|.*$");
    /** A request named in the text: GET /api/messages, POST `/api/dry-run`. */
    private static final Pattern MENTION = Pattern.compile("\\b(GET|POST|PUT|DELETE) `?(/[A-Za-z0-9{}/._-]*)");

    /** What the page should say of one endpoint (the reference kinds share one row, as {kind}). */
    private static String row(Endpoint e) {
        String scope = e.perInterface() ? "interface" : e.engineWide() ? "engine-wide" : "";
        return e.method().name() + " " + e.path().documented() + " "
                + (e.open() ? "none" : e.role().code()) + " " + scope;
    }

    @Test
    void everyEndpointHasItsRowAndEveryRowIsAnEndpoint() throws IOException {
        Set<String> table = new LinkedHashSet<>();
        Endpoints.declared().forEach(e -> table.add(row(e)));
        List<String> documented = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                documented.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4));
            }
        }
        assertThat(documented).as("rows of docs/api.md").doesNotHaveDuplicates();
        assertThat(table).as("endpoints missing from docs/api.md").isSubsetOf(documented);
        assertThat(documented).as("rows of docs/api.md that are no endpoint").isSubsetOf(table);
    }

    @Test
    void everyRequestThePageNamesIsAnEndpoint() throws IOException {
        Set<String> known = new LinkedHashSet<>();
        for (Endpoint e : Endpoints.declared()) {
            known.add(e.method().name() + " " + e.path().documented());
            if (e.perInterface()) {
                known.add(e.method().name() + " " + e.path().ofInterface().documented());
            }
        }
        List<String> unknown = new ArrayList<>();
        Matcher m = MENTION.matcher(Files.readString(DOC));
        while (m.find()) {
            String request = m.group(1) + " " + m.group(2);
            if (!known.contains(request)) {
                unknown.add(request);
            }
        }
        assertThat(unknown)
                .as("requests docs/api.md names that the table does not have")
                .isEmpty();
    }

    @Test
    void theCheckSeesTheWholeTable() {
        // A reference kind's six endpoints are one row each in the page; everything else one row per endpoint.
        assertThat(Endpoints.declared().stream().map(EndpointDocsTest::row).distinct())
                .hasSizeGreaterThan(30)
                .contains("GET /api/{kind}/{key} viewer interface", "GET /health none ");
    }
}
