package com.webptbridge.engine;

import com.webptbridge.build.BuildInfo;
import com.webptbridge.inbound.MappingStep;
import com.webptbridge.inbound.Outcomes;
import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.store.Database;
import com.webptbridge.store.journal.Journal;
import com.webptbridge.store.journal.UnmatchedMessages;
import com.webptbridge.transport.ConnectionClosures;
import com.webptbridge.transport.ConnectionClosures.Reason;
import com.webptbridge.transport.ConnectionLimit;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static com.webptbridge.transport.ConnectionClosures.Reason.BODY;
import static com.webptbridge.transport.ConnectionClosures.Reason.CAP;
import static com.webptbridge.transport.ConnectionClosures.Reason.HANDSHAKE;
import static com.webptbridge.transport.ConnectionClosures.Reason.HEADERS;
import static com.webptbridge.transport.ConnectionClosures.Reason.IDLE;
import static com.webptbridge.transport.ConnectionClosures.Reason.PER_ADDRESS;

/**
 * The engine's meters, written at {@code /metrics} in Prometheus text format: messages by type,
 * status and ACK code, ACK latency, waiting messages and the age of the oldest per interface, MLLP
 * connections, reprocess outcomes, whether the journal store answers and writes, and JVM and connection-pool
 * meters. Labels carry vocabulary only (interface id, message type, status, code), never patient data.
 */
final class Metrics implements Outcomes {

    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);
    /**
     * The message types that are labels: those some mapping step maps (ADT^A04, DFT^P03). Any other
     * MSH-9 a sender makes up is "other", so that made-up types cannot grow the series without bound.
     */
    private static final Set<String> TYPES = MappingStep.acceptedEvents().entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(trigger -> e.getKey() + "^" + trigger))
            .collect(Collectors.toUnmodifiableSet());

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConnectionClosures httpClosures = new ConnectionClosures();
    private final MultiGauge waiting;
    private final MultiGauge oldest;
    /** Messages no interface took, read at each scrape (no interface label: they have none yet). */
    private final AtomicLong unmatched = new AtomicLong();

    private final UnmatchedMessages unmatchedMessages;

    Metrics(Database db, ConnectionLimit connections) {
        this.unmatchedMessages = new UnmatchedMessages(db);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        if (db.dataSource() instanceof HikariDataSource pool) {
            pool.setMetricRegistry(registry); // hikaricp_connections_* (active, idle, pending, timeouts, ...)
        }
        Gauge.builder("bridge.build.info", () -> 1)
                .description("Always 1; its labels say which build runs (version, commit)")
                .tags(
                        "version",
                        BuildInfo.current().version(),
                        "commit",
                        BuildInfo.current().commit())
                .register(registry);
        Gauge.builder("bridge.store.up", db, d -> d.healthy() ? 1 : 0)
                .description("1 when the journal store answers, 0 when it fails")
                .register(registry);
        Gauge.builder("bridge.store.writable", db, d -> d.writability().writable() ? 1 : 0)
                .description("1 while the store writes, 0 from a write that broke it (disk full, I/O) until a probe"
                        + " write succeeds; meanwhile messages are answered AR 207")
                .register(registry);
        FunctionCounter.builder(
                        "bridge.store.write.failures", db, d -> d.writability().failures())
                .description("Writes that broke the store (disk full, I/O error, connection lost)")
                .register(registry);
        Gauge.builder("bridge.store.write.queue", db, Database::queuedWrites)
                .description("Message outcomes waiting for the batch writer's next transaction")
                .register(registry);
        FunctionCounter.builder("bridge.store.batches", db, d -> d.batchTotals()[0])
                .description("Transactions the batch writer committed")
                .register(registry);
        FunctionCounter.builder("bridge.store.batch.writes", db, d -> d.batchTotals()[1])
                .description("Outcomes written in them (divided by bridge_store_batches_total: the mean batch)")
                .register(registry);
        closures("bridge.mllp.connections.closed", "MLLP", connections.closures(), CAP, PER_ADDRESS, IDLE, HANDSHAKE);
        closures("bridge.http.connections.closed", "HTTP API", httpClosures, PER_ADDRESS, HEADERS, BODY, IDLE);
        Gauge.builder("bridge.mllp.connections", connections, ConnectionLimit::open)
                .description("MLLP connections open now")
                .register(registry);
        waiting = MultiGauge.builder("bridge.waiting.messages")
                .description("Messages kept in ERROR, waiting for a reference or a fix")
                .register(registry);
        oldest = MultiGauge.builder("bridge.oldest.waiting")
                .baseUnit("seconds")
                .description("Age of the oldest waiting message")
                .register(registry);
        Gauge.builder("bridge.unmatched.messages", unmatched, AtomicLong::get)
                .description("Messages no interface took (AR, journaled unmatched), not yet assigned to one")
                .register(registry);
        Timer.builder("bridge.ack.latency")
                .description("Time from receipt of a message to its ACK")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /** Connections the HTTP API closed (its slow-client guard counts here). */
    ConnectionClosures httpClosures() {
        return httpClosures;
    }

    private void closures(String name, String listener, ConnectionClosures closures, Reason... reasons) {
        for (Reason reason : reasons) {
            FunctionCounter.builder(name, closures, c -> c.count(reason))
                    .description(listener + " connections the engine closed or refused, by reason")
                    .tag("reason", reason.label())
                    .register(registry);
        }
    }

    /** The running interfaces, once the runtime exists. */
    private volatile InterfaceRegistry registryOfInterfaces;

    void watch(InterfaceRegistry running) {
        this.registryOfInterfaces = running;
    }

    private List<RunningInterface> running() {
        InterfaceRegistry r = registryOfInterfaces;
        return r == null ? List.of() : r.running();
    }

    @Override
    public void recorded(String interfaceId, String type, String status, String ack) {
        Counter.builder("bridge.messages")
                .description("Messages by outcome as recorded in the journal")
                .tags(
                        "interface",
                        interfaceId == null ? "none" : interfaceId,
                        "type",
                        typeLabel(type),
                        "status",
                        status.toUpperCase(Locale.ROOT),
                        "ack",
                        ack)
                .register(registry)
                .increment();
    }

    @Override
    public void found(String interfaceId, String rule, String action) {
        Counter.builder("bridge.claim.findings")
                .description("Claim-readiness findings in posted encounters, by rule and what was done (warn)")
                .tags("interface", interfaceId == null ? "none" : interfaceId, "rule", rule, "action", action)
                .register(registry)
                .increment();
    }

    /** MSH-9 as a label: a type the engine maps, or "other". */
    static String typeLabel(String type) {
        return type != null && TYPES.contains(type) ? type : "other";
    }

    @Override
    public void replied(String interfaceId, Duration latency) {
        Timer.builder("bridge.ack.latency")
                .description("Time from receipt of a message to its ACK")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(latency);
    }

    /** A reprocess ended (an analyst's, or automatic after a reference was added): by its ACK code. */
    void reprocessed(String interfaceId, String ackCode) {
        String outcome =
                switch (ackCode) {
                    case "AA" -> "processed";
                    case "AE" -> "still_error";
                    case "AR" -> "rejected";
                    default -> "other";
                };
        Counter.builder("bridge.reprocessed")
                .description("Reprocessed messages by how they ended")
                .tags("interface", interfaceId, "outcome", outcome)
                .register(registry)
                .increment();
    }

    /**
     * Deliveries of a daily report's summary to the interface's webhook that failed after all their
     * tries (bridge_report_webhook_failures_total): registered at 0 for an interface with a webhook.
     */
    Counter reportWebhookFailures(String interfaceId) {
        return Counter.builder("bridge.report.webhook.failures")
                .description("Daily report summaries the interface's webhook did not take after every try")
                .tags("interface", interfaceId)
                .register(registry);
    }

    /** The meters in Prometheus text format, the journal's gauges read now. */
    String scrape() {
        List<MultiGauge.Row<?>> counts = new ArrayList<>();
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        Instant now = Instant.now();
        for (RunningInterface i : running()) {
            try {
                Journal.Waiting w = i.journal().waiting();
                counts.add(MultiGauge.Row.of(Tags.of("interface", i.id()), w.messages()));
                ages.add(MultiGauge.Row.of(
                        Tags.of("interface", i.id()),
                        w.oldest() == null
                                ? 0
                                : Math.max(0, Duration.between(w.oldest(), now).toMillis() / 1000.0)));
            } catch (java.sql.SQLException e) {
                LOG.warn(
                        "Waiting messages of interface {} not read: {}",
                        i.id(),
                        e.getClass().getSimpleName());
            }
        }
        waiting.register(counts, true);
        oldest.register(ages, true);
        try {
            unmatched.set(unmatchedMessages.count());
        } catch (java.sql.SQLException e) {
            LOG.warn("Unmatched messages not counted: {}", e.getClass().getSimpleName());
        }
        return registry.scrape();
    }
}
