package com.webptbridge.engine;

import com.webptbridge.files.PatientLoads;
import com.webptbridge.golive.GoLive;
import com.webptbridge.hl7.AckBuilder;
import com.webptbridge.hl7.HeaderRules;
import com.webptbridge.hl7.Hl7Parser;
import com.webptbridge.hl7.MessageLimits;
import com.webptbridge.inbound.AckMode;
import com.webptbridge.inbound.Acknowledger;
import com.webptbridge.inbound.ClaimCheck;
import com.webptbridge.inbound.Commit;
import com.webptbridge.inbound.DryRun;
import com.webptbridge.inbound.EncounterStep;
import com.webptbridge.inbound.Failure;
import com.webptbridge.inbound.HeaderCheck;
import com.webptbridge.inbound.InFlight;
import com.webptbridge.inbound.Intake;
import com.webptbridge.inbound.Lifecycle;
import com.webptbridge.inbound.LocalIntake;
import com.webptbridge.inbound.MappingStep;
import com.webptbridge.inbound.Parse;
import com.webptbridge.inbound.PatientInfoStep;
import com.webptbridge.interfaces.InterfaceDefinition;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.maintenance.Maintenance;
import com.webptbridge.maintenance.Reprocessor;
import com.webptbridge.mapping.FieldLimits;
import com.webptbridge.mapping.MappingProfile;
import com.webptbridge.readiness.ClaimRules;
import com.webptbridge.readiness.Rule;
import com.webptbridge.readiness.RuleBook;
import com.webptbridge.reference.EncounterResolver;
import com.webptbridge.reference.ImportColumns;
import com.webptbridge.reference.ReferenceMaintenance;
import com.webptbridge.reference.ReferenceSeed;
import com.webptbridge.store.Database;
import com.webptbridge.store.JobLocks;
import com.webptbridge.store.billing.EncounterStore;
import com.webptbridge.store.billing.PatientAccount;
import com.webptbridge.store.billing.PatientStore;
import com.webptbridge.store.findings.ClaimFindings;
import com.webptbridge.store.journal.Journal;
import com.webptbridge.store.journal.Worklist;
import com.webptbridge.store.lifecycle.InterfaceState;
import com.webptbridge.store.lifecycle.InterfaceStates;
import com.webptbridge.store.reference.ReferenceLookup;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The beans of the routes: those every route shares ({@code parse}, {@code unmatched},
 * {@code acknowledger}, bound by name), and for each interface the beans of its processing route
 * over its own stores, handed to that route alone (route-template local beans, under the names the
 * template uses), with what the API reaches of it.
 */
final class InterfaceWiring implements AutoCloseable {

    /** One interface's processing-route beans by name, how its listener finds its messages, and its API face. */
    record Wired(Map<String, Object> routeBeans, Intake.Target target, RunningInterface face) {}

    private final Settings settings;
    private final Database db;
    private final Metrics metrics;
    private final ProducerTemplate process;
    private final HeaderRules rules;
    private final MessageLimits limits;
    private final AckBuilder acks;
    private final FieldLimits fieldLimits;
    private final AckMode defaultAckMode;
    private final Charset defaultCharset;
    private final Journal unmatched;
    private final Parse parse;
    private final Commit unmatchedCommit;
    private final InterfaceStates states;
    private final InterfaceState initialState;
    private final RuleBook ruleBook;

    InterfaceWiring(Settings settings, Database db, CamelContext camel, Metrics metrics) {
        this.settings = settings;
        this.db = db;
        this.metrics = metrics;
        this.process = camel.createProducerTemplate();
        ImportColumns.check(); // the import header names are data: a typo stops the start, naming it
        this.ruleBook = RuleBook.load(settings.path(settings.get("bridge.rules"))); // likewise the rules' data
        Set<String> versions = settings.getList("bridge.hl7.versions");
        this.rules =
                new HeaderRules(versions, settings.getList("bridge.hl7.processing-ids"), MappingStep.acceptedEvents());
        this.limits = new MessageLimits(
                settings.getInt("bridge.hl7.max-segments"),
                settings.getInt("bridge.hl7.max-repetitions"),
                settings.getInt("bridge.hl7.max-field-length"));
        this.acks = new AckBuilder(ZoneId.systemDefault(), versions);
        try {
            this.fieldLimits = new FieldLimits(db.textColumnWidths());
        } catch (SQLException e) {
            throw new IllegalStateException("The billing fields' widths could not be read from the database", e);
        }
        this.defaultAckMode = AckMode.of(settings.get("bridge.ack.mode"), "bridge.ack.mode");
        this.states = new InterfaceStates(db);
        this.initialState =
                InterfaceState.of(settings.get("bridge.interfaces.initial-state"), "bridge.interfaces.initial-state");
        this.defaultCharset = Charset.forName(settings.get("bridge.hl7.default-charset"));
        this.unmatched = new Journal(db, null);
        Hl7Parser parser = new Hl7Parser();
        parser.warmUp();
        this.parse = new Parse(
                parser,
                settings.getInt("bridge.hl7.max-parallel-parses"),
                Duration.ofMillis(settings.getInt("bridge.hl7.parse-timeout-ms")));
        camel.getRegistry().bind("parse", parse);
        this.unmatchedCommit = new Commit(db, unmatched, null, acks, metrics);
        camel.getRegistry().bind("unmatched", unmatchedCommit);
        camel.getRegistry().bind("acknowledger", new Acknowledger(acks, metrics));
    }

    /** A listener's intake: the interfaces on its port are added as they start; the rest is unmatched. */
    Intake intake() {
        return new Intake(unmatched, defaultCharset, defaultAckMode);
    }

    /** Seeds the interface's reference data and makes its beans. */
    Wired wire(InterfaceDefinition d) throws IOException, SQLException {
        String id = d.id();
        registerState(id);
        ReferenceMaintenance references = seededReferences(d);
        MappingProfile profile = profile(d);
        AckMode ackMode = d.ackMode() == null ? defaultAckMode : AckMode.of(d.ackMode(), "ackMode");
        Journal journal = new Journal(db, id);
        PatientStore patients = new PatientStore(db, id);
        Commit commit = new Commit(db, journal, patients, acks, metrics);
        ReferenceLookup lookup = new ReferenceLookup(db, id, settings.getInt("bridge.reference.refresh-ms"));
        ClaimFindings findings = new ClaimFindings(db, id);
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("lifecycle", new Lifecycle(id, states));
        beans.put("headerCheck", new HeaderCheck(rules, limits, db, journal));
        beans.put(MappingStep.PATIENT_INFO.bean(), new PatientInfoStep(profile, fieldLimits, patients));
        beans.put(
                MappingStep.ENCOUNTER.bean(),
                new EncounterStep(
                        profile,
                        fieldLimits,
                        new EncounterResolver(lookup),
                        patients,
                        new EncounterStore(id),
                        new ClaimCheck(
                                new ClaimRules(ruleBook, Rule.switchedOff(d.rules(), "Interface " + id)),
                                lookup,
                                findings)));
        beans.put("commit", commit);
        beans.put("failure", new Failure(commit));

        UnaryOperator<InFlight> route =
                m -> process.requestBody(InterfaceRuntime.processEndpoint(id), m, InFlight.class);
        Reprocessor reprocessor = new Reprocessor(
                journal,
                m -> {
                    InFlight done = route.apply(m);
                    if (done != null && done.reply() != null) {
                        metrics.reprocessed(id, done.reply().code().name());
                    }
                    return done;
                },
                new JobLocks(db));
        Maintenance maintenance = new Maintenance(
                references,
                reprocessor,
                new Worklist(db, id),
                Boolean.parseBoolean(settings.get("bridge.reprocess.auto")));
        DryRun dryRun = new DryRun(id, route, defaultCharset, ackMode);
        Intake.Target target = new Intake.Target(id, d::accepts, journal, ackMode, d::takesFrom);
        Intake own = intake();
        own.add(target);
        LocalIntake local = new LocalIntake(own, route, unmatchedCommit);
        PatientLoads loads = new PatientLoads(
                id,
                local,
                patients,
                d.match() == null ? null : d.match().sendingFacility(),
                d.match() == null ? null : d.match().receivingFacility());
        GoLive goLive =
                new GoLive(id, db, states, journal, patients, Boolean.parseBoolean(settings.get("bridge.mllp.tls")));
        RunningInterface face = new RunningInterface(
                d, journal, patients, new PatientAccount(db), maintenance, dryRun, local, loads, goLive);
        return new Wired(beans, target, face);
    }

    /**
     * The interface's lifecycle state on its first start: a new interface starts in
     * bridge.interfaces.initial-state (setup), the single-practice default live, as it always was.
     * Interfaces that held data before the lifecycle existed were made live by the V10 migration.
     */
    private void registerState(String id) throws SQLException {
        boolean isDefault = id.equals(InterfaceDefinition.DEFAULT_ID);
        InterfaceState initial = isDefault ? InterfaceState.LIVE : initialState;
        states.register(
                id,
                initial,
                "engine",
                isDefault
                        ? "the single-practice interface: live from its first start"
                        : "new interface: starts in " + initial.word());
    }

    /** The interface's lifecycle states and their audit trail. */
    InterfaceStates states() {
        return states;
    }

    /** The interface's reference data, seeded from its folder (the default's: bridge.reference.dir). */
    private ReferenceMaintenance seededReferences(InterfaceDefinition d) throws IOException, SQLException {
        ReferenceMaintenance references = new ReferenceMaintenance(db, d.id());
        boolean isDefault = d.id().equals(InterfaceDefinition.DEFAULT_ID);
        String seed = d.reference() != null ? d.reference() : isDefault ? settings.get("bridge.reference.dir") : null;
        if (seed != null) {
            ReferenceSeed.load(settings.path(seed), references);
        }
        return references;
    }

    /** The text of the profile {@link #profile} reads: the file, or the built-in one's. */
    String profileText(InterfaceDefinition d) {
        Path file = settings.path(d.profile() != null ? d.profile() : settings.get("bridge.profile"));
        try {
            if (Files.exists(file) || d.profile() != null) {
                return Files.readString(file);
            }
            try (java.io.InputStream in = MappingProfile.class.getResourceAsStream("/profiles/webpt.yaml")) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the mapping profile " + file + ": " + e.getMessage(), e);
        }
    }

    /** The interface's mapping profile; with none named and no bridge.profile file, WebPT's default. */
    private MappingProfile profile(InterfaceDefinition d) {
        Path file = settings.path(d.profile() != null ? d.profile() : settings.get("bridge.profile"));
        return Files.exists(file) || d.profile() != null ? MappingProfile.load(file) : MappingProfile.webptDefault();
    }

    @Override
    public void close() {
        parse.close();
    }
}
