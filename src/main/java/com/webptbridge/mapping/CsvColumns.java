package com.webptbridge.mapping;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of an exported CSV holds which of our fields, matched the tolerant way analysts
 * expect: "Sequence #", "Seq No" and "sequence_number" are one field, whatever the case, spacing or
 * punctuation. A field is known by its name and the other names exports give it; an analyst can
 * also name the column outright ({@code --columns field=Header}). One home for this rule: the
 * billing-system imports and the initial patient load both read CSVs through it.
 *
 * @param <F> the fields of one kind of file
 */
public final class CsvColumns<F> {

    /** A field and the names exports give its column (its own name counts too). */
    public record Field<F>(F field, List<String> names) {}

    /** The columns found: each field to its column index, and the headers no field took. */
    public record Match<F>(Map<F, Integer> columns, List<String> ignored) {
        public Optional<Integer> column(F field) {
            return Optional.ofNullable(columns.get(field));
        }
    }

    private final List<Field<F>> fields;

    public CsvColumns(List<Field<F>> fields) {
        this.fields = List.copyOf(fields);
    }

    /**
     * Matches a file's header row.
     *
     * @param explicit field names (as in {@link Field#names()}) to the exact header an analyst named;
     *     these win over the tolerant match
     * @throws IllegalArgumentException naming the header or field that could not be placed, or a
     *     header two fields both claim
     */
    public Match<F> match(List<String> headers, Map<String, String> explicit) {
        Map<F, Integer> columns = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : explicit.entrySet()) {
            Field<F> f = byName(e.getKey())
                    .orElseThrow(() -> new IllegalArgumentException("--columns names a field '" + e.getKey()
                            + "' this file kind does not have; known: " + known()));
            int index = indexOf(headers, e.getValue(), true);
            if (index < 0) {
                throw new IllegalArgumentException("--columns maps " + e.getKey() + " to column '" + e.getValue()
                        + "', which the file's header row does not have");
            }
            columns.put(f.field(), index);
        }
        for (Field<F> f : fields) {
            if (columns.containsKey(f.field())) {
                continue;
            }
            for (String name : f.names()) {
                int index = indexOf(headers, name, false);
                if (index >= 0 && !columns.containsValue(index)) {
                    columns.put(f.field(), index);
                    break;
                }
            }
        }
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            if (!columns.containsValue(i)) {
                ignored.add(headers.get(i));
            }
        }
        return new Match<>(Map.copyOf(columns), List.copyOf(ignored));
    }

    /** A header as compared: letters and digits only, lower case, accents dropped; "#" reads as "number". */
    public static String normalize(String header) {
        String s = Normalizer.normalize(header.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("#", " number ")
                .toLowerCase(Locale.ROOT);
        s = s.replaceAll("\\bno\\b\\.?", "number").replaceAll("\\bnbr\\b|\\bnum\\b", "number");
        return s.replaceAll("[^a-z0-9]", "");
    }

    private Optional<Field<F>> byName(String name) {
        String n = normalize(name);
        return fields.stream()
                .filter(f -> f.names().stream().anyMatch(x -> normalize(x).equals(n)))
                .findFirst();
    }

    private String known() {
        return String.join(", ", fields.stream().map(f -> f.names().get(0)).toList());
    }

    private static int indexOf(List<String> headers, String name, boolean exactFirst) {
        if (exactFirst) {
            int exact = headers.indexOf(name);
            if (exact >= 0) {
                return exact;
            }
        }
        String n = normalize(name);
        for (int i = 0; i < headers.size(); i++) {
            if (normalize(headers.get(i)).equals(n)) {
                return i;
            }
        }
        return -1;
    }
}
