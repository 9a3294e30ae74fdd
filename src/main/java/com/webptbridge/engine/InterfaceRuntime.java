package com.webptbridge.engine;

import com.webptbridge.hl7.AckBuilder;
import com.webptbridge.hl7.HeaderRules;
import com.webptbridge.hl7.MessageLimits;
import com.webptbridge.inbound.AckMode;
import com.webptbridge.inbound.Commit;
import com.webptbridge.inbound.DryRun;
import com.webptbridge.inbound.EncounterStep;
import com.webptbridge.inbound.Failure;
import com.webptbridge.inbound.HeaderCheck;
import com.webptbridge.inbound.InFlight;
import com.webptbridge.inbound.Intake;
import com.webptbridge.inbound.Parse;
import com.webptbridge.inbound.PatientInfoStep;
import com.webptbridge.interfaces.InterfaceDefinition;
import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.maintenance.Maintenance;
import com.webptbridge.maintenance.Reprocessor;
import com.webptbridge.mapping.EncounterMapper;
import com.webptbridge.mapping.FieldLimits;
import com.webptbridge.mapping.MappingProfile;
import com.webptbridge.mapping.PatientInfoMapper;
import com.webptbridge.reference.EncounterResolver;
import com.webptbridge.reference.ReferenceMaintenance;
import com.webptbridge.reference.ReferenceSeed;
import com.webptbridge.store.Database;
import com.webptbridge.store.EncounterStore;
import com.webptbridge.store.JobLocks;
import com.webptbridge.store.Journal;
import com.webptbridge.store.PatientAccount;
import com.webptbridge.store.PatientStore;
import com.webptbridge.store.ReferenceLookup;
import com.webptbridge.store.Worklist;
import com.webptbridge.transport.ConnectionLimit;
import com.webptbridge.transport.KnownSenders;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Starts and stops the practices' interfaces: for each, the beans its processing route names
 * ({@code headerCheck-<id>}, ...) over its own stores, and a processing route from the route
 * template; for each MLLP port, a listener route whose intake knows the interfaces on that port.
 * Definitions come from the interface folder; with none there, one interface {@code default}
 * runs on {@code bridge.mllp.port} exactly as a single-practice engine.
 */
final class InterfaceRuntime implements InterfaceRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(InterfaceRuntime.class);
    private static final String LISTENER_TEMPLATE = "mllp-listener";

    private final Settings settings;
    private final Database db;
    private final CamelContext camel;
    private final ProducerTemplate process;
    private final Path folder;
    private final HeaderRules rules;
    private final MessageLimits limits;
    private final AckBuilder acks;
    private final Journal unmatched;
    private final FieldLimits fieldLimits;
    private final AckMode defaultAckMode;
    private final Metrics metrics;
    private final ConnectionLimit connections;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final Map<Integer, Intake> listeners = new TreeMap<>();

    /** A running interface and what the engine must undo to stop it. */
    private record Running(RunningInterface face, List<String> beans) {}

    InterfaceRuntime(
            Settings settings,
            Database db,
            CamelContext camel,
            HeaderRules rules,
            MessageLimits limits,
            AckBuilder acks,
            Metrics metrics,
            ConnectionLimit connections) {
        this.metrics = metrics;
        this.connections = connections;
        this.settings = settings;
        this.db = db;
        this.camel = camel;
        this.process = camel.createProducerTemplate();
        this.folder = Path.of(settings.get("bridge.interfaces.dir"));
        this.rules = rules;
        this.limits = limits;
        this.acks = acks;
        this.unmatched = new Journal(db, null);
        try {
            this.fieldLimits = new FieldLimits(db.textColumnWidths());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The billing fields' widths could not be read from the database", e);
        }
        this.defaultAckMode = AckMode.of(settings.get("bridge.ack.mode"), "bridge.ack.mode");
    }

    /** The interfaces to run at start: the folder's enabled ones, or {@code default} when it has none. */
    List<InterfaceDefinition> configured() throws IOException {
        List<InterfaceDefinition> all = definitions();
        return all.isEmpty()
                ? List.of(defaultInterface())
                : all.stream().filter(InterfaceDefinition::isEnabled).toList();
    }

    private List<InterfaceDefinition> definitions() throws IOException {
        List<InterfaceDefinition> out = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.yaml")) {
                for (Path f : files) {
                    out.add(InterfaceDefinition.read(f));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(InterfaceDefinition::id));
        return out;
    }

    private InterfaceDefinition defaultInterface() {
        return new InterfaceDefinition(
                InterfaceDefinition.DEFAULT_ID,
                "Default interface",
                new InterfaceDefinition.Listener(settings.get("bridge.mllp.host"), settings.getInt("bridge.mllp.port")),
                null,
                null,
                null,
                null,
                null);
    }

    @Override
    public synchronized List<RunningInterface> running() {
        return running.values().stream().map(Running::face).toList();
    }

    @Override
    public synchronized Optional<RunningInterface> find(String id) {
        return Optional.ofNullable(running.get(id)).map(Running::face);
    }

    /** The port of the first interface, for the log line and tests. */
    synchronized int firstPort() {
        return running.values().iterator().next().face().definition().port();
    }

    @Override
    public synchronized RunningInterface add(InterfaceDefinition d) {
        if (running.containsKey(d.id())) {
            throw new IllegalArgumentException("Interface " + d.id() + " is already running");
        }
        persist(d.withEnabled(true));
        return start(d);
    }

    @Override
    public synchronized InterfaceDefinition disable(String id) {
        Running r = running.get(id);
        if (r == null) {
            throw new IllegalArgumentException("No interface " + id + " is running");
        }
        InterfaceDefinition off = r.face().definition().withEnabled(false);
        persist(off);
        stop(id);
        return off;
    }

    @Override
    public synchronized List<String> reload() {
        List<String> changes = new ArrayList<>();
        Map<String, InterfaceDefinition> wanted = new LinkedHashMap<>();
        try {
            for (InterfaceDefinition d : configured()) {
                wanted.put(d.id(), d);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the interface folder " + folder + ": " + e.getMessage());
        }
        for (String id : List.copyOf(running.keySet())) {
            InterfaceDefinition now = running.get(id).face().definition();
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

    /** Starts an interface: checks its port, seeds its reference data, binds its beans and routes. */
    synchronized RunningInterface start(InterfaceDefinition d) {
        for (Running r : running.values()) {
            String clash = d.clashWith(r.face().definition());
            if (clash != null) {
                throw new IllegalArgumentException(clash);
            }
        }
        String id = d.id();
        boolean isDefault = id.equals(InterfaceDefinition.DEFAULT_ID);
        try {
            ReferenceMaintenance references = new ReferenceMaintenance(db, id);
            String seed =
                    d.reference() != null ? d.reference() : isDefault ? settings.get("bridge.reference.dir") : null;
            if (seed != null) {
                ReferenceSeed.load(Path.of(seed), references);
            }
            Path profileFile = Path.of(d.profile() != null ? d.profile() : settings.get("bridge.profile"));
            MappingProfile profile = Files.exists(profileFile) || d.profile() != null
                    ? MappingProfile.load(profileFile)
                    : MappingProfile.webptDefault();
            AckMode ackMode = d.ackMode() == null ? defaultAckMode : AckMode.of(d.ackMode(), "ackMode");
            Journal journal = new Journal(db, id);
            PatientStore patients = new PatientStore(db, id);
            Commit commit = new Commit(db, journal, acks, metrics);
            Map<String, Object> beans = new LinkedHashMap<>();
            HeaderCheck headerCheck = new HeaderCheck(rules, limits, db, journal);
            java.util.function.Function<MappingProfile, DryRun.Steps> steps = p -> new DryRun.Steps(
                    new PatientInfoStep(new PatientInfoMapper(p, fieldLimits), patients),
                    new EncounterStep(
                            new EncounterMapper(p, fieldLimits),
                            new EncounterResolver(
                                    new ReferenceLookup(db, id, settings.getInt("bridge.reference.refresh-ms"))),
                            patients,
                            new EncounterStore(id)));
            DryRun.Steps own = steps.apply(profile);
            beans.put("headerCheck-" + id, headerCheck);
            beans.put("patientInfo-" + id, own.patientInfo());
            beans.put("encounter-" + id, own.encounter());
            beans.put("commit-" + id, commit);
            beans.put("failure-" + id, new Failure(commit));
            Registry registry = camel.getRegistry();
            beans.forEach(registry::bind);
            TemplatedRouteBuilder.builder(camel, AcceptedEvents.PROCESS_TEMPLATE)
                    .routeId(processRoute(id))
                    .parameter("interfaceId", id)
                    .add();
            Intake intake = listeners.get(d.port());
            if (intake == null) {
                intake = new Intake(
                        unmatched, Charset.forName(settings.get("bridge.hl7.default-charset")), defaultAckMode);
                registry.bind("intake-" + d.port(), intake);
                listeners.put(d.port(), intake);
                intake.add(new Intake.Target(id, d::accepts, journal, ackMode));
                try {
                    TemplatedRouteBuilder.builder(camel, LISTENER_TEMPLATE)
                            .routeId(listenerRoute(d.port()))
                            .parameter("host", d.host())
                            .parameter("port", String.valueOf(d.port()))
                            .add();
                } catch (RuntimeException e) {
                    listeners.remove(d.port());
                    registry.unbind("intake-" + d.port());
                    removeRoute(listenerRoute(d.port()));
                    removeRoute(processRoute(id));
                    beans.keySet().forEach(registry::unbind);
                    throw new IllegalArgumentException(
                            "Interface " + id + " cannot listen on port " + d.port() + " (" + d.host() + "): "
                                    + rootMessage(e) + ". Choose a free port.",
                            e);
                }
            } else {
                intake.add(new Intake.Target(id, d::accepts, journal, ackMode));
            }
            Reprocessor reprocessor = new Reprocessor(
                    journal,
                    m -> {
                        InFlight done = process.requestBody("direct:process-" + id, m, InFlight.class);
                        if (done != null && done.reply() != null) {
                            metrics.reprocessed(id, done.reply().code().name());
                        }
                        return done;
                    },
                    new JobLocks(db));
            DryRun dryRun = new DryRun(
                    headerCheck,
                    camel.getRegistry().lookupByNameAndType("parse", Parse.class),
                    db,
                    patients,
                    acks,
                    own,
                    steps,
                    Charset.forName(settings.get("bridge.hl7.default-charset")),
                    ackMode);
            Maintenance maintenance = new Maintenance(
                    references,
                    reprocessor,
                    new Worklist(db, id),
                    Boolean.parseBoolean(settings.get("bridge.reprocess.auto")));
            RunningInterface face =
                    new RunningInterface(d, journal, patients, new PatientAccount(db), maintenance, dryRun);
            running.put(id, new Running(face, List.copyOf(beans.keySet())));
            knowSenders(d.port());
            LOG.info("Interface {} listening on port {}", id, d.port());
            return face;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Interface " + id + " could not start: " + rootMessage(e), e);
        }
    }

    private void stop(String id) {
        Running r = running.remove(id);
        InterfaceDefinition d = r.face().definition();
        Intake intake = listeners.get(d.port());
        intake.remove(id);
        if (intake.isEmpty()) {
            removeRoute(listenerRoute(d.port()));
            listeners.remove(d.port());
            camel.getRegistry().unbind("intake-" + d.port());
        }
        removeRoute(processRoute(id));
        r.beans().forEach(camel.getRegistry()::unbind);
        knowSenders(d.port());
        LOG.info("Interface {} stopped", id);
    }

    /** Tells the connection limit the known senders of every interface running on {@code port}. */
    private void knowSenders(int port) {
        connections.knownSenders(
                port,
                running.values().stream()
                        .map(r -> r.face().definition())
                        .filter(d -> d.port() == port)
                        .map(InterfaceDefinition::knownSenders)
                        .reduce(KnownSenders.NONE, KnownSenders::and));
    }

    /** Keeps the definition for the next start; the implicit default is written too, so it survives. */
    private void persist(InterfaceDefinition d) {
        try {
            if (!Files.isDirectory(folder) || definitions().isEmpty()) {
                for (Running r : running.values()) {
                    r.face().definition().write(folder.resolve(r.face().id() + ".yaml"));
                }
            }
            d.write(folder.resolve(d.id() + ".yaml"));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write the interface folder " + folder + ": " + e.getMessage());
        }
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

    static String processRoute(String interfaceId) {
        return "process-" + interfaceId;
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
