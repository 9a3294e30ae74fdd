package com.webptbridge.reference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.mapping.CsvColumns;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns an import of each reference kind reads: the Sequence Number and the kind's fields,
 * each known by its own name and the names billing-system exports give it
 * ({@code reference/import-headers.yaml}, data an analyst can read). Read once; a kind or field
 * the file names that does not exist fails at once, naming it.
 */
public final class ImportColumns {

    /** The Sequence Number's field name in an import row (the API's JSON name). */
    public static final String SEQUENCE_NUMBER = "sequenceNumber";

    private static final String FILE = "/reference/import-headers.yaml";
    private static final Map<ReferenceKind, CsvColumns<String>> COLUMNS = load();

    private ImportColumns() {}

    /** Fails, naming the kind or field, when the header names file does not hold: called at start. */
    public static void check() {
        COLUMNS.size(); // loading is checking; a failure surfaces as the load's own exception
    }

    /** The columns of {@code kind}'s import, field names being the API's JSON names. */
    public static CsvColumns<String> of(ReferenceKind kind) {
        return COLUMNS.get(kind);
    }

    /** The fields an import row of {@code kind} can carry: the Sequence Number, then the kind's fields. */
    public static List<String> fields(ReferenceKind kind) {
        List<String> out = new ArrayList<>();
        out.add(SEQUENCE_NUMBER);
        kind.fields().forEach(f -> out.add(f.json()));
        return out;
    }

    private static Map<ReferenceKind, CsvColumns<String>> load() {
        Map<String, Map<String, List<String>>> aliases;
        try (InputStream in = ImportColumns.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the build");
            }
            aliases = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() {});
        } catch (IOException e) {
            throw new IllegalStateException(FILE + " cannot be read: " + e.getMessage(), e);
        }
        Map<ReferenceKind, CsvColumns<String>> out = new EnumMap<>(ReferenceKind.class);
        for (Map.Entry<String, Map<String, List<String>>> e : aliases.entrySet()) {
            ReferenceKind kind = ReferenceKind.byPath(e.getKey()); // a typo fails naming the kinds
            for (String field : e.getValue().keySet()) {
                if (!fields(kind).contains(field)) {
                    throw new IllegalStateException(FILE + ": " + e.getKey() + "." + field + " is not a field; "
                            + kind.noun() + " has " + fields(kind));
                }
            }
        }
        for (ReferenceKind kind : ReferenceKind.values()) {
            Map<String, List<String>> names = aliases.getOrDefault(kind.path(), Map.of());
            Map<String, CsvColumns.Field<String>> fields = new LinkedHashMap<>();
            for (String field : fields(kind)) {
                List<String> all = new ArrayList<>();
                all.add(field);
                all.addAll(names.getOrDefault(field, List.of()));
                fields.put(field, new CsvColumns.Field<>(field, all));
            }
            out.put(kind, new CsvColumns<>(List.copyOf(fields.values())));
        }
        return out;
    }
}
