/**
 * The HTTP admin API (JSON, docs/api.md): patients, the message journal, the worklist, reprocessing,
 * reference maintenance, health. The only package that knows HTTP; each answer's shape is a record
 * here ({@code *Json}) that Jackson writes, and the work is done by the store and maintenance beans.
 */
package com.webptbridge.api;
