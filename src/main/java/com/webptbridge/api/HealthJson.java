package com.webptbridge.api;

/** {@code GET /health}: UP or DOWN for the engine and its database. */
record HealthJson(String status, String database) {}
