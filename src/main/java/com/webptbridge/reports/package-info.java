/**
 * What an analyst answers the practice's "did everything post?" with: the period a report covers
 * ({@link com.webptbridge.reports.ReportPeriod}, presets and dates in the engine's time zone) and the
 * report as a document for people and spreadsheets ({@link com.webptbridge.reports.ReportDocument}:
 * text, CSV, a self-contained HTML page), with {@link com.webptbridge.reports.Documents} the CSV,
 * escape and page policy every document for people shares (the Alternate ID sheet's too). The numbers come from {@code store.report}; the API, the
 * CLI and the daily job only choose the period and the format.
 */
package com.webptbridge.reports;
