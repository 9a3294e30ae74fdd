package com.webptbridge.reference;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.reference.ReferenceException.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    private static int load(Path file, ReferenceKind kind, ReferenceMaintenance maintenance)
            throws IOException, SQLException {
        if (!Files.exists(file)) {
            return 0;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = null;
        int added = 0;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String value = i < cells.size() ? cells.get(i).trim() : "";
                if (!value.isEmpty()) {
                    row.put(header.get(i).trim(), value);
                }
            }
            try {
                maintenance.create(kind, row, OPERATOR);
                added++;
            } catch (ReferenceException e) {
                if (e.failure() != Failure.CONFLICT) { // a conflict means the row is already stored
                    throw new IllegalStateException(file + " line " + (n + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        return added;
    }

    /** Comma-separated cells; a cell may be double-quoted to hold commas ("" is a quote). */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
