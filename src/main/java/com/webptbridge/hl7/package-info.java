/**
 * HL7 v2 knowledge: reading headers and charsets, parsing with HAPI, the reasons a message is refused
 * (table 0357) and building ACK/NAK messages. Knows nothing of billing records or the database.
 */
package com.webptbridge.hl7;
