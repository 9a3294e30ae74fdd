/**
 * The {@code bridge} command line (picocli): {@code run} starts the engine. Knows picocli and the
 * engine's public face only. The reference-data commands are generated from ReferenceKind, so their
 * options are its fields and are declared nowhere here.
 */
package com.webptbridge.cli;
