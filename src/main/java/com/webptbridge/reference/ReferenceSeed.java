package com.webptbridge.reference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads reference data from CSV files in conf/reference/ at start-up, each row under its own
 * sequence number. Idempotent: a row whose sequence number (or NPI/code) is already stored is left
 * alone, so a restart adds nothing twice and never overwrites what an analyst changed.
 */
public final class ReferenceSeed {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceSeed.class);

    private ReferenceSeed() {
    }

    public static void load(Path dir, ReferenceStore store) throws IOException, SQLException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        int added = 0;
        added += load(dir.resolve("payers.csv"), store, r -> new Payer(r.seq(), r.req("name"), r.opt("payerId"),
                r.opt("addressLine1"), r.opt("city"), r.opt("state"), r.opt("zip"), r.opt("planType"), true));
        added += load(dir.resolve("facilities.csv"), store, r -> new Facility(r.seq(), r.req("name"), r.npi("npi", false),
                r.opt("addressLine1"), r.opt("city"), r.opt("state"), r.opt("zip"), r.opt("placeOfService"), true));
        added += load(dir.resolve("providers.csv"), store, r -> new Provider(r.seq(), r.req("lastName"), r.opt("firstName"),
                r.npi("npi", true), r.opt("taxonomy"), true));
        added += load(dir.resolve("referring-providers.csv"), store, r -> new ReferringProvider(r.seq(), r.req("lastName"),
                r.opt("firstName"), r.npi("npi", true), true));
        added += load(dir.resolve("procedure-codes.csv"), store, r -> new ProcedureCode(r.seq(), r.req("code"),
                r.req("description"), r.opt("defaultCharge") == null ? null : new BigDecimal(r.opt("defaultCharge")),
                r.opt("defaultUnits") == null ? null : Integer.valueOf(r.opt("defaultUnits")), r.opt("defaultRevenueCode"), true));
        LOG.info("Reference seed from {}: {} record(s) added", dir, added);
    }

    private static int load(Path file, ReferenceStore store, Function<Row, Object> toRecord) throws IOException, SQLException {
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
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), i < cells.size() ? cells.get(i).trim() : "");
            }
            try {
                if (store.addIfAbsent(toRecord.apply(new Row(values)))) {
                    added++;
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + " line " + (n + 1) + ": " + e.getMessage(), e);
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

    private record Row(Map<String, String> values) {
        long seq() {
            try {
                return Long.parseLong(req("sequenceNumber"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("sequenceNumber must be a whole number");
            }
        }

        String req(String column) {
            String v = opt(column);
            if (v == null) {
                throw new IllegalArgumentException(column + " is required");
            }
            return v;
        }

        String opt(String column) {
            String v = values.get(column);
            return v == null || v.isEmpty() ? null : v;
        }

        String npi(String column, boolean required) {
            String v = required ? req(column) : opt(column);
            if (v != null && !Npi.valid(v)) {
                throw new IllegalArgumentException(column + " " + v + " is not a valid NPI (10 digits with a correct check digit)");
            }
            return v;
        }
    }
}
