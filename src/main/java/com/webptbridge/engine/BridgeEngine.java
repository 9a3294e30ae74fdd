package com.webptbridge.engine;

import com.webptbridge.api.AdminApi;
import com.webptbridge.api.Authenticator;
import com.webptbridge.api.SlowClients;
import com.webptbridge.hl7.AckBuilder;
import com.webptbridge.hl7.HeaderRules;
import com.webptbridge.hl7.Hl7Parser;
import com.webptbridge.hl7.MessageLimits;
import com.webptbridge.inbound.Acknowledger;
import com.webptbridge.inbound.Commit;
import com.webptbridge.inbound.Parse;
import com.webptbridge.interfaces.InterfaceDefinition;
import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.store.Accounts;
import com.webptbridge.store.Database;
import com.webptbridge.store.JobLocks;
import com.webptbridge.store.Journal;
import com.webptbridge.transport.ConnectionClosures;
import com.webptbridge.transport.ConnectionGate;
import com.webptbridge.transport.ConnectionLimit;
import com.webptbridge.transport.FrameLimits;
import com.webptbridge.transport.MllpCodec;
import com.webptbridge.transport.Tls;
import io.netty.handler.ssl.SslContext;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.netty.NettyComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running engine: database, the practices' interfaces (Camel routes made from the route
 * templates, with the beans they call), and the HTTP API. Start order is database (schema
 * migrated), parser warm-up, routes (each MLLP port opens last, ready to answer at once), then the
 * API. Close stops taking messages first and closes the database last.
 */
public final class BridgeEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeEngine.class);

    private final Database db;
    private final CamelContext camel;
    private final InterfaceRuntime interfaces;
    private final AdminApi api;

    private final RetentionJob retention;
    private Optional<BackupJob> backups = Optional.empty();
    private final ConnectionGate gate;
    private final JobLocks locks;
    private final Duration drainLimit;

    /** Set first thing on close: /health/ready answers DOWN so the load balancer stops sending. */
    private volatile boolean stopping;

    /** Finishes messages a stop or crash left RECEIVED; later, those older than the grace period. */
    private final ScheduledExecutorService recovery = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bridge-recovery");
        t.setDaemon(true);
        return t;
    });

    private BridgeEngine(
            Database db,
            CamelContext camel,
            InterfaceRuntime interfaces,
            AdminApi api,
            RetentionJob retention,
            ConnectionGate gate,
            Duration drainLimit) {
        this.db = db;
        this.camel = camel;
        this.interfaces = interfaces;
        this.api = api;
        this.retention = retention;
        this.gate = gate;
        this.drainLimit = drainLimit;
        this.locks = new JobLocks(db);
    }

    /** Holds the engine for the readiness check, which the API starts with before the engine exists. */
    private static final class Holder {
        volatile BridgeEngine engine;
    }

    /** What /health/ready reports: listeners started, database answering, schema migrated, not stopping. */
    private static Map<String, Boolean> readiness(Holder holder, Database db, CamelContext camel, InterfaceRuntime ir) {
        BridgeEngine engine = holder.engine;
        boolean stopping = engine == null || engine.stopping;
        boolean listening = !stopping
                && ir.running().stream()
                        .map(i -> InterfaceRuntime.listenerRoute(i.definition().port()))
                        .distinct()
                        .allMatch(id -> {
                            ServiceStatus st = camel.getRouteController().getRouteStatus(id);
                            return st != null && st.isStarted();
                        });
        Map<String, Boolean> parts = new LinkedHashMap<>();
        parts.put("mllp", listening);
        parts.put("database", db.open() && db.healthy());
        parts.put("migrations", db.open()); // opening the database migrated it, or the engine did not start
        parts.put("shutdown", !stopping);
        return parts;
    }

    public static BridgeEngine start(Settings settings) throws Exception {
        Instant starting = Instant.now(); // what arrived before this is no other message's in-flight work here
        Database db = Database.open(
                settings.get("bridge.db.url"),
                settings.get("bridge.db.user"),
                settings.get("bridge.db.password"),
                settings.getInt("bridge.db.pool-size"));
        CamelContext camel = null;
        try {
            camel = new DefaultCamelContext();
            ConnectionLimit connections = new ConnectionLimit(
                    settings.getInt("bridge.mllp.max-connections"),
                    settings.getInt("bridge.mllp.reserved-connections"),
                    settings.getInt("bridge.mllp.max-connections-per-address"),
                    new ConnectionClosures());
            Metrics metrics = new Metrics(db, connections);
            ConnectionGate gate = new ConnectionGate();
            camel.getRegistry().bind("mllpGate", gate);
            InterfaceRuntime interfaces = startRoutes(settings, db, camel, metrics, connections);
            metrics.watch(interfaces);
            Holder holder = new Holder();
            CamelContext routes = camel;
            new Authenticator(new Accounts(db))
                    .ensureAdmin(settings.get("bridge.admin.password"), adminPasswordFile(settings));
            RetentionJob retention = new RetentionJob(settings, db);
            AdminApi api;
            try {
                api = AdminApi.start(
                        httpOptions(settings, metrics.httpClosures()),
                        db,
                        interfaces,
                        retention::prune,
                        metrics::scrape,
                        () -> readiness(holder, db, routes, interfaces));
            } catch (Exception e) {
                if (!boundElsewhere(e)) {
                    throw e;
                }
                throw new IllegalStateException(
                        "bridge.http.port " + settings.getInt("bridge.http.port") + " is already in use (is another"
                                + " engine running?): stop what uses it or set bridge.http.port to a free port.");
            }
            BridgeEngine engine = new BridgeEngine(
                    db,
                    camel,
                    interfaces,
                    api,
                    retention,
                    gate,
                    Duration.ofSeconds(settings.getInt("bridge.shutdown.drain-seconds")));
            holder.engine = engine;
            engine.backups = BackupJob.start(settings, db);
            // On a database other instances may share, a RECEIVED message may be in flight on one of them:
            // only those older than the grace period are another instance's unfinished work.
            engine.recoverUnfinished(
                    embedded(settings.get("bridge.db.url"))
                            ? starting
                            : Instant.now().minusSeconds(settings.getInt("bridge.recovery.grace-seconds")));
            engine.recovery.scheduleWithFixedDelay(
                    () -> engine.recoverUnfinished(
                            Instant.now().minusSeconds(settings.getInt("bridge.recovery.grace-seconds"))),
                    60,
                    60,
                    TimeUnit.SECONDS);
            LOG.info(
                    "WebPT Bridge ready: MLLP on port {}, HTTP on port {}, database {}, interfaces {}",
                    interfaces.firstPort(),
                    api.port(),
                    safeUrl(settings.get("bridge.db.url")),
                    interfaces.running().stream()
                            .map(i -> i.id() + ":" + i.definition().port())
                            .toList());
            return engine;
        } catch (Exception e) {
            if (camel != null) {
                camel.stop();
            }
            db.close();
            throw e;
        }
    }

    /**
     * Loads the route templates, reads from them which messages they map, binds the beans every
     * interface shares, then starts each configured interface from the templates.
     */
    private static InterfaceRuntime startRoutes(
            Settings settings, Database db, CamelContext camel, Metrics metrics, ConnectionLimit connections)
            throws Exception {
        camel.getCamelContextExtension().setName("webpt-bridge");
        camel.getPropertiesComponent().setInitialProperties(settings.asProperties());
        camel.getShutdownStrategy().setTimeout(15);
        camel.build();
        PluginHelper.getRoutesLoader(camel).loadRoutes(routeFiles(camel, Path.of(settings.get("bridge.routes.dir"))));

        Hl7Parser parser = new Hl7Parser();
        parser.warmUp();
        Set<String> versions = csv(settings.get("bridge.hl7.versions"));
        HeaderRules rules =
                new HeaderRules(versions, csv(settings.get("bridge.hl7.processing-ids")), AcceptedEvents.of(camel));
        AckBuilder acks = new AckBuilder(ZoneId.systemDefault(), versions);
        FrameLimits limits = new FrameLimits(
                settings.getInt("bridge.mllp.max-frame-bytes"),
                Duration.ofMillis(settings.getInt("bridge.mllp.frame-timeout-ms")));

        // camel-netty runs a route on its ordered executor group, sized 2 x cores + 1 by default: so
        // few messages in flight would leave the batch writer small batches (docs/benchmarks.md).
        camel.getComponent("netty", NettyComponent.class)
                .setMaximumPoolSize(settings.getInt("bridge.mllp.processing-threads"));
        Registry beans = camel.getRegistry();
        beans.bind(
                "mllpTls",
                Tls.handler(
                        mllpTls(settings), Duration.ofMillis(settings.getInt("bridge.mllp.tls.handshake-timeout-ms"))));
        beans.bind(
                "mllpIdle",
                MllpCodec.idleLimit(
                        Duration.ofSeconds(settings.getInt("bridge.mllp.idle-timeout-seconds")),
                        connections.closures()));
        beans.bind("mllpConnectionLimit", MllpCodec.connectionLimit(connections));
        beans.bind("mllpFrameDecoder", MllpCodec.decoder(limits));
        beans.bind("mllpFrameEncoder", MllpCodec.encoder());
        beans.bind(
                "parse",
                new Parse(
                        parser,
                        settings.getInt("bridge.hl7.max-parallel-parses"),
                        Duration.ofMillis(settings.getInt("bridge.hl7.parse-timeout-ms"))));
        beans.bind("unmatched", new Commit(db, new Journal(db, null), acks, metrics));
        beans.bind("acknowledger", new Acknowledger(acks, metrics));
        camel.start();
        MessageLimits messageLimits = new MessageLimits(
                settings.getInt("bridge.hl7.max-segments"),
                settings.getInt("bridge.hl7.max-repetitions"),
                settings.getInt("bridge.hl7.max-field-length"));
        InterfaceRuntime interfaces =
                new InterfaceRuntime(settings, db, camel, rules, messageLimits, acks, metrics, connections);
        for (InterfaceDefinition d : interfaces.configured()) {
            try {
                interfaces.start(d);
            } catch (Exception e) {
                if (!boundElsewhere(e)) {
                    throw e;
                }
                throw new IllegalStateException("MLLP port " + d.port() + " of interface " + d.id()
                        + " is already in use (is another engine running?): stop what uses it or set "
                        + ("default".equals(d.id()) ? "bridge.mllp.port" : "the port in its interface file")
                        + " to a free port.");
            }
        }
        return interfaces;
    }

    /** True when the cause chain says a port could not be bound (Netty and the JDK say it differently). */
    private static boolean boundElsewhere(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException
                    || t.getMessage() != null && t.getMessage().contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    /** The listener's TLS context when bridge.mllp.tls=true, else null (plain MLLP). */
    static SslContext mllpTls(Settings settings) {
        if (!settings.getBoolean("bridge.mllp.tls")) {
            return null;
        }
        return Tls.server(
                store(settings, "bridge.tls.keystore"),
                store(settings, "bridge.tls.truststore"),
                Tls.ClientCertificates.parse(settings.get("bridge.mllp.tls.client-auth")));
    }

    /** A keystore or truststore setting and its -password, or null when unset. */
    static Tls.Store store(Settings settings, String key) {
        String file = settings.get(key);
        if (file.isEmpty()) {
            return null;
        }
        if (!Files.isReadable(Path.of(file))) {
            throw new IllegalStateException(
                    key + " names " + Path.of(file).toAbsolutePath() + ", which cannot be read");
        }
        return new Tls.Store(Path.of(file), settings.get(key + "-password"));
    }

    private static AdminApi.Options httpOptions(Settings settings, ConnectionClosures httpClosures) {
        Tls.Store keystore = null;
        if (settings.getBoolean("bridge.http.tls")) {
            keystore = store(settings, "bridge.tls.keystore");
            if (keystore == null) {
                throw new IllegalStateException(
                        "bridge.http.tls=true needs bridge.tls.keystore (PKCS12) and its password");
            }
        }
        String host = settings.get("bridge.http.host");
        return new AdminApi.Options(
                host,
                settings.getInt("bridge.http.port"),
                keystore == null ? null : keystore.file(),
                keystore == null ? null : keystore.password(),
                allowedHosts(settings.get("bridge.http.allowed-hosts"), host),
                settings.getInt("bridge.http.max-body-bytes"),
                new SlowClients.Bounds(
                        Duration.ofSeconds(settings.getInt("bridge.http.request-timeout-seconds")),
                        settings.getInt("bridge.http.max-connections-per-address"),
                        httpClosures));
    }

    /** The configured host names, or by default the bind address, localhost, loopback and this machine's names. */
    static Set<String> allowedHosts(String configured, String bindAddress) {
        Set<String> hosts = new LinkedHashSet<>();
        if (!configured.isBlank()) {
            csv(configured).forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
            return hosts;
        }
        if (!bindAddress.equals("0.0.0.0") && !bindAddress.equals("::")) {
            hosts.add(bindAddress.toLowerCase(Locale.ROOT));
        }
        hosts.addAll(List.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1"));
        try {
            InetAddress self = InetAddress.getLocalHost();
            hosts.add(self.getHostName().toLowerCase(Locale.ROOT));
            hosts.add(self.getCanonicalHostName().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            LOG.warn(
                    "This machine's name is unknown; the API answers to localhost only (see bridge.http.allowed-hosts)");
        }
        return hosts;
    }

    /** Where the first start writes admin's generated password: the setting, else beside the H2 file database, else ./data. */
    static Path adminPasswordFile(Settings settings) {
        String configured = settings.get("bridge.admin.password-file");
        if (!configured.isEmpty()) {
            return Path.of(configured);
        }
        String url = settings.get("bridge.db.url");
        String file = url.startsWith("jdbc:h2:file:")
                ? url.substring("jdbc:h2:file:".length())
                : url.startsWith("jdbc:h2:")
                                && !url.startsWith("jdbc:h2:mem:")
                                && !url.startsWith("jdbc:h2:tcp:")
                                && !url.startsWith("jdbc:h2:ssl:")
                        ? url.substring("jdbc:h2:".length())
                        : null;
        if (file != null) {
            Path db = Path.of(safeUrl(file));
            Path dir = db.getParent() == null ? Path.of(".") : db.getParent();
            return dir.resolve("admin-password.txt");
        }
        return Path.of("data", "admin-password.txt");
    }

    private static Resource[] routeFiles(CamelContext camel, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(
                    "Route folder " + dir.toAbsolutePath() + " does not exist: set bridge.routes.dir");
        }
        List<Resource> resources = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
            for (Path f : files) {
                resources.add(ResourceHelper.resolveMandatoryResource(camel, "file:" + f.toAbsolutePath()));
            }
        }
        if (resources.isEmpty()) {
            throw new IllegalStateException("Route folder " + dir.toAbsolutePath() + " has no *.yaml routes");
        }
        return resources.toArray(Resource[]::new);
    }

    private static Set<String> csv(String value) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .forEach(out::add);
        return out;
    }

    /** True for an embedded H2 database, which no other engine process can open at the same time. */
    static boolean embedded(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    /** A JDBC URL without its parameters, which may carry credentials. */
    static String safeUrl(String url) {
        int cut = url.length();
        for (char c : new char[] {';', '?'}) {
            int i = url.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return url.substring(0, cut);
    }

    private void recoverUnfinished(Instant before) {
        for (RunningInterface i : interfaces.running()) {
            String job = "recovery:" + i.id();
            try {
                if (!locks.claim(job, Duration.ofMinutes(10))) {
                    continue; // another instance is recovering this interface right now
                }
                try {
                    i.maintenance().reprocessor().recover(before);
                } finally {
                    locks.release(job, true);
                }
            } catch (SQLException | RuntimeException e) {
                LOG.error(
                        "interface={} unfinished messages not recovered: {}",
                        i.id(),
                        e.getClass().getSimpleName());
            }
        }
    }

    public int httpPort() {
        return api.port();
    }

    /** The first interface's MLLP port (with no interfaces configured, the default's). */
    public int mllpPort() {
        return interfaces.firstPort();
    }

    /** The practices' interfaces, to add, disable or reload them. */
    public InterfaceRegistry interfaces() {
        return interfaces;
    }

    /** The running routes (tests read the accepted message types from them). */
    CamelContext camel() {
        return camel;
    }

    /** The scheduled backups, when on (tests run one at once). */
    Optional<BackupJob> backups() {
        return backups;
    }

    public Database database() {
        return db;
    }

    /**
     * Stops without losing an answer: reports not ready, closes the MLLP listening sockets, lets each
     * open connection finish and acknowledge the message it is on, closes the connections, then stops
     * the jobs, the routes, the API and the database.
     */
    @Override
    public void close() {
        LOG.info(
                "WebPT Bridge stopping: not ready, MLLP listeners closed, {} connection(s) finishing",
                gate.openConnections());
        stopping = true;
        try {
            if (!gate.drain(drainLimit)) {
                LOG.warn(
                        "{} MLLP connection(s) still busy after {}s (bridge.shutdown.drain-seconds); closing them",
                        gate.openConnections(),
                        drainLimit.toSeconds());
                gate.closeAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        recovery.shutdownNow();
        try {
            retention.close();
            backups.ifPresent(BackupJob::close);
            camel.stop();
            Parse parse = camel.getRegistry().lookupByNameAndType("parse", Parse.class);
            if (parse != null) {
                parse.close();
            }
        } finally {
            api.close();
            db.close();
        }
        LOG.info("WebPT Bridge stopped");
    }
}
