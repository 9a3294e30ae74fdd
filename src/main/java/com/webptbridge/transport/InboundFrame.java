package com.webptbridge.transport;

/**
 * One MLLP frame's payload as it arrived. An oversize frame carries only its first bytes (enough to
 * read the header and answer) and its full size. {@code tlsSubject}: the connection's TLS client
 * certificate subject (RFC 2253), empty when it had none (plain MLLP, or TLS without a client
 * certificate), null when the frame came from no connection (a file).
 */
public record InboundFrame(byte[] payload, int sizeBytes, boolean oversize, String remoteAddress, String tlsSubject) {

    /** A frame from no connection (the file drop, a patient load). */
    public InboundFrame(byte[] payload, int sizeBytes, boolean oversize, String remoteAddress) {
        this(payload, sizeBytes, oversize, remoteAddress, null);
    }
}
