/**
 * HL7 v2 knowledge: reading headers and charsets, parsing with HAPI, the reasons a message is refused
 * (HAPI's table 0357 codes, each with its acknowledgment), every sentence an analyst reads about a
 * message ({@link com.webptbridge.hl7.Sentence}: the NAK's and the worklist's words, one home) and
 * building ACK/NAK messages. Knows no billing records beyond what a problem waits for, and nothing
 * of the database.
 */
package com.webptbridge.hl7;
