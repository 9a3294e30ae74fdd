/**
 * The {@code bridge} command line (picocli): {@code run} starts the engine. Knows picocli and the
 * engine's public face only.
 */
package com.webptbridge.cli;
