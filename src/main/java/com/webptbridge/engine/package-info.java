/**
 * Wires the pieces into the running interface: settings, the beans the inbound route calls
 * (journal, webptInterface, acknowledger) and start/stop of Camel, the HTTP API and the database.
 */
package com.webptbridge.engine;
