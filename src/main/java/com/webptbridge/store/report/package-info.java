/**
 * The period reports' numbers, read with SQL over the journal and the posted charges of one
 * interface: what came in and how it ended, what was posted (by rendering provider, facility,
 * procedure code and payer), what waits and why, and the NAK sentences WebPT's staff saw. It reads the
 * indexed columns only (received_at, posted_at), never the raw message text, so a month of a busy
 * practice answers in well under two seconds. Nothing here names a patient: reports go to viewers.
 */
package com.webptbridge.store.report;
