package com.webptbridge.interfaces;

import java.util.List;
import java.util.Optional;

/**
 * The interfaces the engine runs, one per client practice, and how an analyst changes them without
 * a restart. A definition that cannot run (a bad field, a port that clashes with another
 * interface's) is refused with an {@link IllegalArgumentException} whose sentence says what to fix.
 */
public interface InterfaceRegistry {

    /** The running interfaces, by id. */
    List<RunningInterface> running();

    Optional<RunningInterface> find(String id);

    /** Starts an interface (its listener answers at once) and keeps its definition for the next start. */
    RunningInterface add(InterfaceDefinition definition);

    /** Stops an interface; its data stays, and {@link #add} or a reload with it enabled starts it again. */
    InterfaceDefinition disable(String id);

    /** Reads the interface folder again: starts what is new or enabled, stops what is gone or disabled. */
    List<String> reload();
}
