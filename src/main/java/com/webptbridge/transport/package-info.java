/**
 * MLLP over TCP: framing, frame limits and timeouts, and who may hold a connection (the cap, per
 * address, room for known senders, idle and handshake bounds) and the TLS client subjects an interface
 * takes ({@code TlsSubjects}), in front of Camel's netty consumer. Knows bytes
 * and connections, not what a message means. Our own frame decoder replaces camel-mllp, which drops
 * all but the first of several frames arriving in one read (CAMEL-24668).
 */
package com.webptbridge.transport;
