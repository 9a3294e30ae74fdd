package com.webptbridge.engine;

import com.webptbridge.files.FileDrop;
import com.webptbridge.inbound.Intake;
import com.webptbridge.interfaces.InterfaceDefinition;
import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.transport.ConnectionLimit;
import com.webptbridge.transport.KnownSenders;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Starts and stops the practices' interfaces: for each, a processing route from the route template
 * with its own beans ({@link InterfaceWiring}); for each MLLP port, a listener route whose intake
 * knows the interfaces on that port, and whose connection limit knows their known senders. Definitions come from the {@link InterfaceFolder}.
 */
final class InterfaceRuntime implements InterfaceRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(InterfaceRuntime.class);

    private final CamelContext camel;
    private final InterfaceFolder folder;
    private final InterfaceWiring wiring;
    private final ConnectionLimit connections;
    private final Map<String, RunningInterface> running = new LinkedHashMap<>();
    private final Map<Integer, Intake> listeners = new TreeMap<>();

    InterfaceRuntime(CamelContext camel, InterfaceFolder folder, InterfaceWiring wiring, ConnectionLimit connections) {
        this.camel = camel;
        this.folder = folder;
        this.wiring = wiring;
        this.connections = connections;
    }

    /** Starts the configured interfaces; a port already taken stops the start naming the setting to change. */
    void startConfigured() {
        List<InterfaceDefinition> configured = folder.configured();
        try {
            wiring.states()
                    .adoptExisting(
                            configured.stream().map(InterfaceDefinition::id).toList())
                    .forEach(id -> LOG.info("Interface {} existed before the lifecycle: live", id));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The interfaces' lifecycle states could not be read", e);
        }
        for (InterfaceDefinition d : configured) {
            try {
                start(d);
            } catch (RuntimeException e) {
                if (!BindErrors.portInUse(e)) {
                    throw e;
                }
                throw BindErrors.mllpPortInUse(d.port(), d.id(), InterfaceDefinition.DEFAULT_ID.equals(d.id()));
            }
        }
    }

    @Override
    public synchronized List<RunningInterface> running() {
        return List.copyOf(running.values());
    }

    @Override
    public synchronized Optional<RunningInterface> find(String id) {
        return Optional.ofNullable(running.get(id));
    }

    /** The port of the first interface, for the log line and tests. */
    synchronized int firstPort() {
        return running.values().iterator().next().definition().port();
    }

    @Override
    public synchronized RunningInterface add(InterfaceDefinition d) {
        if (running.containsKey(d.id())) {
            throw new IllegalArgumentException("Interface " + d.id() + " is already running");
        }
        // Written only once it runs: a file of an interface that cannot start (its port taken by
        // another program) would stop the next start of the engine.
        List<InterfaceDefinition> before = definitions();
        RunningInterface started = start(d);
        try {
            folder.persist(d.withEnabled(true), before);
        } catch (RuntimeException e) {
            stop(d.id());
            throw e;
        }
        return started;
    }

    @Override
    public synchronized InterfaceDefinition disable(String id) {
        RunningInterface r = running.get(id);
        if (r == null) {
            throw new IllegalArgumentException("No interface " + id + " is running");
        }
        InterfaceDefinition off = r.definition().withEnabled(false);
        folder.persist(off, definitions());
        stop(id);
        return off;
    }

    @Override
    public synchronized List<String> reload() {
        List<String> changes = new ArrayList<>();
        Map<String, InterfaceDefinition> wanted = new LinkedHashMap<>();
        folder.configured().forEach(d -> wanted.put(d.id(), d));
        for (String id : List.copyOf(running.keySet())) {
            InterfaceDefinition now = running.get(id).definition();
            InterfaceDefinition want = wanted.get(id);
            if (want == null || !want.withEnabled(true).equals(now.withEnabled(true))) {
                stop(id);
                changes.add("stopped " + id);
            }
        }
        for (InterfaceDefinition d : wanted.values()) {
            if (!running.containsKey(d.id())) {
                start(d);
                changes.add("started " + d.id() + " on port " + d.port());
            }
        }
        return changes;
    }

    @Override
    public synchronized boolean exists(String id) {
        return running.containsKey(id) || folder.defines(id);
    }

    @Override
    public synchronized String profileText(String id) {
        RunningInterface r = running.get(id);
        if (r == null) {
            throw new IllegalArgumentException("No interface " + id + " is running");
        }
        return wiring.profileText(r.definition());
    }

    @Override
    public String keepProfile(String id, String yaml) {
        return folder.keepProfile(id, yaml).toString();
    }

    /** Starts an interface: checks its port, wires its beans, adds its processing route, then listens. */
    synchronized RunningInterface start(InterfaceDefinition d) {
        for (RunningInterface r : running.values()) {
            String clash = d.clashWith(r.definition());
            if (clash != null) {
                throw new IllegalArgumentException(clash);
            }
        }
        String id = d.id();
        try {
            InterfaceWiring.Wired wired = wiring.wire(d);
            TemplatedRouteBuilder process = TemplatedRouteBuilder.builder(camel, CamelRoutes.PROCESS_TEMPLATE)
                    .routeId(processRoute(id))
                    .parameter("interfaceId", id);
            wired.routeBeans().forEach(process::bean);
            process.add();
            watch(d, wired.face());
            listen(d, wired.target());
            running.put(id, wired.face());
            knowSenders(d.port());
            LOG.info("Interface {} listening on port {}", id, d.port());
            return wired.face();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Interface " + id + " could not start: " + rootMessage(e), e);
        }
    }

    /** Joins the port's listener, opening it (a listener route from the template) for the port's first interface. */
    private void listen(InterfaceDefinition d, Intake.Target target) {
        Intake intake = listeners.get(d.port());
        if (intake != null) {
            intake.add(target);
            return;
        }
        intake = wiring.intake();
        intake.add(target);
        try {
            TemplatedRouteBuilder.builder(camel, CamelRoutes.LISTENER_TEMPLATE)
                    .routeId(listenerRoute(d.port()))
                    .parameter("host", d.host())
                    .parameter("port", String.valueOf(d.port()))
                    .bean("intake", intake)
                    .add();
            listeners.put(d.port(), intake);
        } catch (RuntimeException e) {
            removeRoute(listenerRoute(d.port()));
            removeRoute(filesRoute(d.id()));
            removeRoute(processRoute(d.id()));
            throw new IllegalArgumentException(
                    "Interface " + d.id() + " cannot listen on port " + d.port() + " (" + d.host() + "): "
                            + rootMessage(e) + ". Choose a free port.",
                    e);
        }
    }

    /**
     * Reads the interface's file-drop folder (inbound.files), when it has one, with a route from
     * the file-drop template; what it has read is remembered in the folder's .bridge-seen file.
     */
    private void watch(InterfaceDefinition d, RunningInterface face) throws Exception {
        if (d.filesFolder() == null) {
            return;
        }
        if (!CamelRoutes.hasTemplate(camel, CamelRoutes.FILE_DROP_TEMPLATE)) {
            throw new IllegalArgumentException("Interface " + d.id() + " has inbound.files, but the routes define no '"
                    + CamelRoutes.FILE_DROP_TEMPLATE + "' route template to read it with");
        }
        Path dir = folder.path(d.filesFolder()).toAbsolutePath();
        Files.createDirectories(dir);
        try {
            TemplatedRouteBuilder.builder(camel, CamelRoutes.FILE_DROP_TEMPLATE)
                    .routeId(filesRoute(d.id()))
                    .parameter("dir", dir.toString())
                    .bean("fileDrop", new FileDropStep(new FileDrop(face.intake()), dir))
                    .bean(
                            "seen",
                            FileIdempotentRepository.fileIdempotentRepository(
                                    dir.resolve(".bridge-seen").toFile(), 100_000, 10_000_000))
                    .add();
        } catch (RuntimeException e) {
            removeRoute(filesRoute(d.id()));
            removeRoute(processRoute(d.id()));
            throw new IllegalArgumentException(
                    "Interface " + d.id() + " cannot read its inbound.files folder " + dir + ": " + rootMessage(e), e);
        }
        LOG.info("Interface {} reads files dropped in {}", d.id(), dir);
    }

    private void stop(String id) {
        removeRoute(filesRoute(id));
        running.get(id).loads().close(); // a patient load stops after the messages in hand; its next run finishes it
        InterfaceDefinition d = running.remove(id).definition();
        Intake intake = listeners.get(d.port());
        intake.remove(id);
        if (intake.isEmpty()) {
            removeRoute(listenerRoute(d.port()));
            listeners.remove(d.port());
        }
        removeRoute(processRoute(id));
        knowSenders(d.port());
        LOG.info("Interface {} stopped", id);
    }

    /** Tells the connection limit the known senders of every interface running on {@code port}. */
    private void knowSenders(int port) {
        connections.knownSenders(
                port,
                running.values().stream()
                        .map(RunningInterface::definition)
                        .filter(d -> d.port() == port)
                        .map(InterfaceDefinition::knownSenders)
                        .reduce(KnownSenders.NONE, KnownSenders::and));
    }

    private List<InterfaceDefinition> definitions() {
        return running.values().stream().map(RunningInterface::definition).toList();
    }

    private void removeRoute(String routeId) {
        try {
            if (camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            }
        } catch (Exception e) {
            LOG.warn("Route {} could not be removed: {}", routeId, e.getClass().getSimpleName());
        }
    }

    /** Where an interface's processing route takes messages: the listener, reprocessing and dry runs. */
    static String processEndpoint(String interfaceId) {
        return "direct:process-" + interfaceId;
    }

    static String processRoute(String interfaceId) {
        return "process-" + interfaceId;
    }

    static String filesRoute(String interfaceId) {
        return "files-" + interfaceId;
    }

    static String listenerRoute(int port) {
        return "listener-" + port;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }
}
