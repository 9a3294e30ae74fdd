package com.webptbridge.reference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.reference.ReferenceException.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads reference data from CSV files in conf/reference/ at start-up: {@code payers.csv},
 * {@code facilities.csv}, {@code providers.csv}, {@code referring-providers.csv} and
 * {@code procedure-codes.csv}, each header naming the same fields the API takes. Every row goes
 * through the same checks as an analyst's change. Idempotent: a row whose Sequence Number (or NPI,
 * or code) is already stored is left alone, so a restart adds nothing twice and never overwrites
 * what an analyst changed.
 */
public final class ReferenceSeed {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceSeed.class);
    private static final String OPERATOR = "seed";

    private ReferenceSeed() {}

    public static void load(Path dir, ReferenceMaintenance maintenance) throws IOException, SQLException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        int added = 0;
        for (ReferenceKind kind : ReferenceKind.values()) {
            added += load(dir.resolve(kind.path() + ".csv"), kind, maintenance);
        }
        LOG.info("Reference seed from {}: {} record(s) added", dir, added);
    }

    /** Comment lines ({@code #}) and blank lines are skipped; a cell may be double-quoted to hold commas. */
    private static final ObjectReader CSV = new CsvMapper()
            .enable(CsvParser.Feature.ALLOW_COMMENTS)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .readerFor(new TypeReference<Map<String, Object>>() {})
            .with(CsvSchema.emptySchema().withHeader());

    private static int load(Path file, ReferenceKind kind, ReferenceMaintenance maintenance)
            throws IOException, SQLException {
        if (!Files.exists(file)) {
            return 0;
        }
        int added = 0;
        int row = 0;
        try (MappingIterator<Map<String, Object>> rows = CSV.readValues(file.toFile())) {
            while (rows.hasNextValue()) {
                Map<String, Object> values = new LinkedHashMap<>(rows.nextValue());
                row++;
                values.values().removeIf(v -> v == null || v.toString().isEmpty());
                try {
                    maintenance.create(kind, values, OPERATOR);
                    added++;
                } catch (ReferenceException e) {
                    if (e.failure() != Failure.CONFLICT) { // a conflict means the row is already stored
                        throw new IllegalStateException(
                                file + " row " + row + " (after the header): " + e.getMessage(), e);
                    }
                }
            }
        }
        return added;
    }
}
