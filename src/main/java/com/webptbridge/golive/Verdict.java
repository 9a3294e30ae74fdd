package com.webptbridge.golive;

/** A readiness item's outcome: FAIL keeps the interface from going live (unless forced), WARN does not. */
public enum Verdict {
    PASS,
    WARN,
    FAIL;

    /** The worse of two. */
    Verdict and(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
