/**
 * The {@code bridge} command line (picocli): {@code run} starts the engine, {@code settings} lists
 * the settings; the maintenance commands talk to a running engine's HTTP API; the tester commands
 * talk MLLP. The reference-data commands are generated from ReferenceKind, so their options are its
 * fields and are declared nowhere here. Knows picocli, the engine's start and the API's JSON only.
 */
package com.webptbridge.cli;
