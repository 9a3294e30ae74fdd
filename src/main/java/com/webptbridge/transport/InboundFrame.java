package com.webptbridge.transport;

/**
 * One MLLP frame's payload as it arrived. An oversize frame carries only its first bytes (enough to
 * read the header and answer) and its full size. {@code tlsSubject}: the TLS client certificate's
 * subject (RFC 2253), empty on a TLS connection without one, null when the frame did not come over
 * TLS (a plain connection, a file).
 */
public record InboundFrame(byte[] payload, int sizeBytes, boolean oversize, String remoteAddress, String tlsSubject) {

    /** A frame not from a TLS connection. */
    public InboundFrame(byte[] payload, int sizeBytes, boolean oversize, String remoteAddress) {
        this(payload, sizeBytes, oversize, remoteAddress, null);
    }
}
