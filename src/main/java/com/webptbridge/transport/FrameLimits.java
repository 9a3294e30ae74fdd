package com.webptbridge.transport;

import java.time.Duration;

/**
 * How much the listener accepts: the largest frame, and how long a started frame may take to end
 * before the partial frame is dropped and the connection closed.
 */
public record FrameLimits(int maxFrameBytes, Duration frameTimeout) {

    /** Bytes of an oversize frame kept so its header can still be read and answered. */
    static final int OVERSIZE_HEAD_BYTES = 4096;

    public FrameLimits {
        if (maxFrameBytes < 64) {
            throw new IllegalArgumentException("bridge.mllp.max-frame-bytes must be at least 64, was " + maxFrameBytes);
        }
        if (frameTimeout.isNegative() || frameTimeout.isZero()) {
            throw new IllegalArgumentException("bridge.mllp.frame-timeout-ms must be positive");
        }
    }
}
