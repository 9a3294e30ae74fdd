package com.webptbridge.engine;

import com.webptbridge.api.AdminApi;
import com.webptbridge.store.Database;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code /health/ready} reports: listeners started, database answering and writable, schema
 * migrated, not stopping. Not ready until the engine has started, and not ready again from the first moment of its
 * stop, so a load balancer sends nothing to an engine that cannot finish it.
 */
final class Readiness implements AdminApi.Readiness {

    private final Database db;
    private final CamelContext camel;
    private final InterfaceRuntime interfaces;
    private volatile boolean serving;

    Readiness(Database db, CamelContext camel, InterfaceRuntime interfaces) {
        this.db = db;
        this.camel = camel;
        this.interfaces = interfaces;
    }

    /** The engine has started: ready once every part says so. */
    void serving() {
        serving = true;
    }

    /** The engine is stopping: not ready from now on. */
    void stopping() {
        serving = false;
    }

    @Override
    public Map<String, Boolean> parts() {
        boolean up = serving;
        boolean listening = up
                && interfaces.running().stream()
                        .map(i -> InterfaceRuntime.listenerRoute(i.definition().port()))
                        .distinct()
                        .allMatch(id -> {
                            ServiceStatus st = camel.getRouteController().getRouteStatus(id);
                            return st != null && st.isStarted();
                        });
        Map<String, Boolean> parts = new LinkedHashMap<>();
        parts.put("mllp", listening);
        // Not writable (a full disk): DOWN at once, without asking a pool being emptied for a connection.
        parts.put("database", db.open() && db.writability().writable() && db.healthy());
        parts.put("migrations", db.open()); // opening the database migrated it, or the engine did not start
        parts.put("shutdown", up);
        return parts;
    }

    @Override
    public Map<String, String> reasons() {
        String notWritable = db.writability().reason();
        return notWritable.isEmpty() ? Map.of() : Map.of("database", notWritable);
    }
}
