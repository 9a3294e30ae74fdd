package com.webptbridge.transport;

/**
 * One MLLP frame's payload as it arrived. An oversize frame carries only its first bytes (enough to
 * read the header and answer) and its full size.
 */
public record InboundFrame(byte[] payload, int sizeBytes, boolean oversize, String remoteAddress) {}
