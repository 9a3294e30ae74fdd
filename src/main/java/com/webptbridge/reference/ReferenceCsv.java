package com.webptbridge.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.webptbridge.billing.ReferenceKind;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One kind's active records as a CSV file under our own headers (the API's JSON names, the
 * Sequence Number first), the form {@link ImportFile} reads back exactly: what a promotion carries
 * from one engine to another. Inactive records are history and stay behind.
 */
public final class ReferenceCsv {

    private ReferenceCsv() {}

    public static String write(ReferenceKind kind, List<Map<String, Object>> records) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        List<String> fields = ImportColumns.fields(kind);
        fields.forEach(schema::addColumn);
        List<Map<String, Object>> rows = records.stream()
                .filter(r -> Boolean.TRUE.equals(r.get("active")))
                .map(r -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (String f : fields) {
                        Object v = r.get(f);
                        row.put(f, v instanceof BigDecimal d ? d.toPlainString() : v);
                    }
                    return row;
                })
                .toList();
        try {
            return new CsvMapper().writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The " + kind.noun() + " records cannot be written as CSV", e);
        }
    }
}
