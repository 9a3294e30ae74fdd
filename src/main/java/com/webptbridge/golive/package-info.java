/**
 * An interface's way to live traffic: its lifecycle changes (only through {@link
 * com.webptbridge.golive.GoLive}, audited) and the readiness report whose failures keep it from
 * going live. Uses the stores; knows no HTTP, picocli or HL7 parsing.
 */
package com.webptbridge.golive;
