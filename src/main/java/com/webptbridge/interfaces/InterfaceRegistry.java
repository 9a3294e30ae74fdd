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

    /** True when an interface of this id runs or is defined in the interface folder (a disabled one too). */
    boolean exists(String id);

    /** The YAML text of a running interface's mapping profile as the engine reads it (its file, else the built-in). */
    String profileText(String id);

    /**
     * Keeps a mapping profile brought from another engine (promotion) beside the interface files, as
     * {@code profiles/<id>.yaml} there; answers the path a definition names it by.
     */
    String keepProfile(String id, String yaml);
}
