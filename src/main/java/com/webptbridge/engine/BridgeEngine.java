package com.webptbridge.engine;

import com.webptbridge.api.AdminApi;
import com.webptbridge.api.Authenticator;
import com.webptbridge.build.BuildInfo;
import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.store.Database;
import com.webptbridge.store.DatabaseUrl;
import com.webptbridge.store.OwnerOnly;
import com.webptbridge.store.security.Accounts;
import com.webptbridge.transport.ConnectionClosures;
import com.webptbridge.transport.ConnectionGate;
import com.webptbridge.transport.ConnectionLimit;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The running engine, and the order its parts start and stop in. Start: database (schema
 * migrated), the route templates, the MLLP options, Camel, the shared beans and parser warm-up, the
 * interfaces (each MLLP port opens last, ready to answer at once), admin's account, then the API,
 * then the backup and daily report schedules and recovery of what a stop left unfinished. Close stops taking
 * messages first and closes the database last.
 */
public final class BridgeEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeEngine.class);

    /**
     * The start line's first words: a contract. .ci/run, bench/*.sh, docs/upgrade.md and the
     * process tests wait for them in the log (ReadyLineTest pins them), so reword them nowhere else.
     */
    public static final String READY = "WebPT Bridge ready";

    private final Database db;
    private final CamelContext camel;
    private final InterfaceWiring wiring;
    private final InterfaceRuntime interfaces;
    private final AdminApi api;
    private final Readiness readiness;
    private final Recovery recovery;
    private final RetentionJob retention;
    private final Optional<BackupJob> backups;
    private final Optional<DailyReportJob> dailyReports;
    private final ConnectionGate gate;
    private final Duration drainLimit;

    private BridgeEngine(
            Database db,
            CamelContext camel,
            InterfaceWiring wiring,
            InterfaceRuntime interfaces,
            AdminApi api,
            Readiness readiness,
            Recovery recovery,
            RetentionJob retention,
            Optional<BackupJob> backups,
            Optional<DailyReportJob> dailyReports,
            ConnectionGate gate,
            Duration drainLimit) {
        this.db = db;
        this.camel = camel;
        this.wiring = wiring;
        this.interfaces = interfaces;
        this.api = api;
        this.readiness = readiness;
        this.recovery = recovery;
        this.retention = retention;
        this.backups = backups;
        this.dailyReports = dailyReports;
        this.gate = gate;
        this.drainLimit = drainLimit;
    }

    public static BridgeEngine start(Settings settings) throws Exception {
        Instant starting = Instant.now(); // what arrived before this is no other message's in-flight work here
        Authenticator.refuseWeakConfigured(settings.get("bridge.admin.password")); // before any port opens
        PlainRemoteHttp.check(settings).ifPresent(LOG::warn); // refuses before any port opens, too
        DatabaseUrl url = DatabaseUrl.of(settings.get("bridge.db.url"));
        Optional<Path> embedded = url.embeddedPath();
        if (embedded.isPresent()) {
            OwnerOnly.prepare(embedded.get());
        }
        Database db = Database.open(
                url.url(),
                settings.get("bridge.db.user"),
                settings.get("bridge.db.password"),
                settings.getInt("bridge.db.pool-size"));
        CamelContext camel = null;
        InterfaceWiring wiring = null;
        Optional<BackupJob> backups = Optional.empty();
        Optional<DailyReportJob> dailyReports = Optional.empty();
        try {
            if (embedded.isPresent()) {
                OwnerOnly.files(embedded.get());
            }
            camel = CamelRoutes.load(settings);
            ConnectionLimit connections = new ConnectionLimit(
                    settings.getInt("bridge.mllp.max-connections"),
                    settings.getInt("bridge.mllp.reserved-connections"),
                    settings.getInt("bridge.mllp.max-connections-per-address"),
                    new ConnectionClosures());
            ConnectionGate gate = new ConnectionGate();
            MllpOptions.bind(settings, camel, connections, gate);
            camel.start();
            Metrics metrics = new Metrics(db, connections);
            wiring = new InterfaceWiring(settings, db, camel, metrics);
            InterfaceRuntime interfaces =
                    new InterfaceRuntime(camel, new InterfaceFolder(settings), wiring, connections);
            interfaces.startConfigured();
            MllpOptions.plainOnEveryAddress(
                            settings,
                            interfaces.running().stream()
                                    .map(RunningInterface::definition)
                                    .toList())
                    .forEach(LOG::warn);
            metrics.watch(interfaces);
            new Authenticator(new Accounts(db))
                    .ensureAdmin(settings.get("bridge.admin.password"), adminPasswordFile(settings));
            RetentionJob retention = new RetentionJob(settings, db);
            Readiness readiness = new Readiness(db, camel, interfaces);
            backups = BackupJob.start(settings, db);
            Optional<BackupJob> backupJob = backups;
            AdminApi api;
            try {
                api = AdminApi.start(
                        HttpOptions.of(settings, metrics.httpClosures()),
                        db,
                        interfaces,
                        retention::prune,
                        () -> backupJob.isEmpty()
                                ? Optional.empty()
                                : Optional.of(backupJob.get().run()),
                        metrics::scrape,
                        readiness);
            } catch (Exception e) {
                if (!BindErrors.portInUse(e)) {
                    throw e;
                }
                throw BindErrors.httpPortInUse(settings.getInt("bridge.http.port"));
            }
            dailyReports = DailyReportJob.start(settings, db, interfaces, metrics);
            Recovery recovery = new Recovery(settings, db, interfaces);
            BridgeEngine engine = new BridgeEngine(
                    db,
                    camel,
                    wiring,
                    interfaces,
                    api,
                    readiness,
                    recovery,
                    retention,
                    backups,
                    dailyReports,
                    gate,
                    Duration.ofSeconds(settings.getInt("bridge.shutdown.drain-seconds")));
            readiness.serving();
            recovery.start(settings, starting);
            LOG.info(
                    READY + ": version {}, MLLP on port {}, HTTP on port {}, database {}, interfaces {}",
                    BuildInfo.current(),
                    interfaces.firstPort(),
                    api.port(),
                    url.safe(),
                    interfaces.running().stream()
                            .map(i -> i.id() + ":" + i.definition().port())
                            .toList());
            return engine;
        } catch (Exception e) {
            backups.ifPresent(BackupJob::close);
            dailyReports.ifPresent(DailyReportJob::close);
            if (camel != null) {
                camel.stop();
            }
            if (wiring != null) {
                wiring.close();
            }
            db.close();
            throw e;
        }
    }

    /** Where the first start writes admin's generated password: the setting, else beside the H2 file database, else ./data. */
    static Path adminPasswordFile(Settings settings) {
        String configured = settings.get("bridge.admin.password-file");
        if (!configured.isEmpty()) {
            return Path.of(configured);
        }
        return DatabaseUrl.of(settings.get("bridge.db.url"))
                .embeddedPath()
                .map(db -> (db.getParent() == null ? Path.of(".") : db.getParent()).resolve("admin-password.txt"))
                .orElse(settings.path("data/admin-password.txt"));
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

    /** The running routes (tests read the route model from them). */
    CamelContext camel() {
        return camel;
    }

    /** The scheduled backups, when on (tests run one at once). */
    Optional<BackupJob> backups() {
        return backups;
    }

    /** The daily report job, when on (tests run it for a day at once). */
    Optional<DailyReportJob> dailyReports() {
        return dailyReports;
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
        readiness.stopping();
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
        // A patient load still running stops after the messages in hand; its next run finishes it.
        interfaces.running().forEach(r -> r.loads().close());
        recovery.close();
        try {
            retention.close();
            backups.ifPresent(BackupJob::close);
            dailyReports.ifPresent(DailyReportJob::close);
            camel.stop();
            wiring.close();
        } finally {
            api.close();
            db.close();
        }
        LOG.info("WebPT Bridge stopped");
    }
}
