package com.webptbridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.reference.ReferenceMaintenance;
import com.webptbridge.reference.ReferenceSeed;
import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;
import com.webptbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reference kind's fields are declared once, in its billing record; everything else that names
 * them must say the same: the table's columns after migration, the header of
 * {@code conf/reference/<kind>.csv} and the field names of the API's JSON. Fails when any drifts.
 */
class ReferenceKindDeclarationTest {

    private static final Path SEED = Path.of("conf/reference");

    private static Database db;
    private static ReferenceMaintenance references;

    @BeforeAll
    static void seed() throws Exception {
        db = Database.open(TestDatabase.freshUrl(), TestDatabase.user(), "", 2);
        references = new ReferenceMaintenance(db, "default");
        ReferenceSeed.load(SEED, references);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** The record's components, in declaration order: the one declaration. */
    private static List<String> components(ReferenceKind kind) {
        return Arrays.stream(kind.recordClass().getRecordComponents())
                .map(c -> c.getName())
                .toList();
    }

    @ParameterizedTest
    @EnumSource(ReferenceKind.class)
    void theTableHasAColumnPerComponentAndTheInterface(ReferenceKind kind) throws SQLException {
        List<String> expected = new ArrayList<>(
                components(kind).stream().map(ReferenceKind::column).toList());
        expected.add("interface_id");
        assertThat(columns(kind.table())).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(ReferenceKind.class)
    void theMaintainedFieldsAreTheRecordsComponentsBesidesKeyAndFlag(ReferenceKind kind) {
        List<String> expected = components(kind).stream()
                .filter(c -> !c.equals("sequenceNumber") && !c.equals("active"))
                .toList();
        assertThat(kind.fields()).extracting(ReferenceKind.Field::json).containsExactlyElementsOf(expected);
        assertThat(kind.fields()).allSatisfy(f -> assertThat(f.column()).isEqualTo(ReferenceKind.column(f.json())));
    }

    @ParameterizedTest
    @EnumSource(ReferenceKind.class)
    void theSeedFilesHeaderIsTheRecordWithoutItsActiveFlag(ReferenceKind kind) throws Exception {
        List<String> header = Files.readAllLines(SEED.resolve(kind.path() + ".csv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .findFirst()
                .map(l -> Arrays.stream(l.split(",")).map(String::trim).toList())
                .orElseThrow();
        assertThat(header)
                .containsExactlyElementsOf(components(kind).stream()
                        .filter(c -> !c.equals("active"))
                        .toList());
    }

    @ParameterizedTest
    @EnumSource(ReferenceKind.class)
    void theApiWritesTheRecordsComponentsInOrder(ReferenceKind kind) throws Exception {
        List<Map<String, Object>> records = references.list(kind, null);
        assertThat(records)
                .as("conf/reference/%s.csv seeds at least one record", kind.path())
                .isNotEmpty();
        JsonNode json = Answers.json().readTree(Answers.json().writeValueAsBytes(records.get(0)));
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(components(kind));
    }

    /** The table's columns, lower case, from the information schema after migration (H2 or PostgreSQL). */
    private static List<String> columns(String table) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.list(
                            c,
                            "SELECT column_name FROM information_schema.columns"
                                    + " WHERE LOWER(table_name) = ? AND table_schema = CURRENT_SCHEMA",
                            rs -> rs.getString(1).toLowerCase(Locale.ROOT),
                            table)
                    .stream()
                    .sorted()
                    .toList();
        }
    }
}
