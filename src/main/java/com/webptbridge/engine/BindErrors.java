package com.webptbridge.engine;

/**
 * A port that is already taken stops the start with a sentence naming the port and the setting to
 * change, instead of Netty's or Vert.x's stack trace.
 */
final class BindErrors {

    private BindErrors() {}

    /** True when the cause chain says a port could not be bound (Netty and the JDK say it differently). */
    static boolean portInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException
                    || t.getMessage() != null && t.getMessage().contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    static IllegalStateException httpPortInUse(int port) {
        return new IllegalStateException("bridge.http.port " + port + " is already in use (is another"
                + " engine running?): stop what uses it or set bridge.http.port to a free port.");
    }

    static IllegalStateException mllpPortInUse(int port, String interfaceId, boolean isDefault) {
        return new IllegalStateException("MLLP port " + port + " of interface " + interfaceId
                + " is already in use (is another engine running?): stop what uses it or set "
                + (isDefault ? "bridge.mllp.port" : "the port in its interface file")
                + " to a free port.");
    }
}
