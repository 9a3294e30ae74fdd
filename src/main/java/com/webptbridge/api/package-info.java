/**
 * The HTTP admin API (JSON, docs/api.md): one table of endpoints ({@link com.webptbridge.api.Endpoints}),
 * each declared once by its resource class ({@code *Resource}: interfaces, patients, messages,
 * reprocessing, the messages no interface took (unmatched), the console's views, dry runs,
 * reference data and its imports, the Alternate ID sheet, the lifecycle and readiness, patient
 * loads, promotion, accounts, the access log, pruning, health, metrics, the console's files) and
 * registered on the Vert.x Router; {@code AdminApi} runs
 * the server, {@code BrowserGuard} refuses what a browser could be made to send, {@code AccessCheck}
 * authorises a request by the endpoint matched.
 * The only package that knows HTTP; each answer's shape is a record here ({@code *Json}) that
 * Jackson writes, and the work is done by the store and maintenance beans.
 */
package com.webptbridge.api;
