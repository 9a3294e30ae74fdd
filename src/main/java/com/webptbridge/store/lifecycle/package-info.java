/**
 * Each interface's lifecycle (setup, testing, live, disabled), every change of it with who and
 * when, and the test sandbox's rows that going live or a reset clears. Knows no HL7 and no HTTP.
 */
package com.webptbridge.store.lifecycle;
