package com.webptbridge.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/**
 * What every document for people is made with (the Alternate ID sheet, the period report, the
 * reconciliation): CSV with a header from a row record (its property order), the HTML text escape,
 * and the Content-Security-Policy of a self-contained page that allows exactly its inline styles.
 */
public final class Documents {

    private Documents() {}

    /** The rows as CSV, a header first; dates as 2026-12-01. */
    public static <T> String csv(Class<T> row, List<? extends T> rows) {
        CsvMapper mapper = new CsvMapper();
        mapper.registerModule(new SimpleModule().addSerializer(LocalDate.class, ToStringSerializer.instance));
        CsvSchema schema = mapper.schemaFor(row).withHeader();
        try {
            return mapper.writer(schema).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The " + row.getSimpleName() + " lines cannot be written as CSV", e);
        }
    }

    /** The policy of a page whose only style is {@code style}, inline: nothing else loads or runs. */
    public static String policy(String style) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
            return "default-src 'none'; style-src 'sha256-"
                    + Base64.getEncoder().encodeToString(hash)
                    + "'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text as HTML text or attribute value; null as nothing. */
    public static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
