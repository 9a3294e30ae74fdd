package com.webptbridge.engine;

import com.webptbridge.api.AdminApi;
import com.webptbridge.hl7.AckBuilder;
import com.webptbridge.hl7.HeaderRules;
import com.webptbridge.hl7.Hl7Parser;
import com.webptbridge.inbound.Acknowledger;
import com.webptbridge.inbound.Commit;
import com.webptbridge.inbound.EncounterStep;
import com.webptbridge.inbound.Failure;
import com.webptbridge.inbound.HeaderCheck;
import com.webptbridge.inbound.InFlight;
import com.webptbridge.inbound.Intake;
import com.webptbridge.inbound.Parse;
import com.webptbridge.inbound.PatientInfoStep;
import com.webptbridge.maintenance.Maintenance;
import com.webptbridge.maintenance.Reprocessor;
import com.webptbridge.mapping.EncounterMapper;
import com.webptbridge.mapping.MappingProfile;
import com.webptbridge.mapping.PatientInfoMapper;
import com.webptbridge.reference.EncounterResolver;
import com.webptbridge.reference.ReferenceMaintenance;
import com.webptbridge.reference.ReferenceSeed;
import com.webptbridge.store.Database;
import com.webptbridge.store.EncounterStore;
import com.webptbridge.store.Journal;
import com.webptbridge.store.PatientAccount;
import com.webptbridge.store.PatientStore;
import com.webptbridge.store.ReferenceLookup;
import com.webptbridge.store.Worklist;
import com.webptbridge.transport.FrameLimits;
import com.webptbridge.transport.MllpCodec;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running interface: database, HTTP API and the Camel routes with the beans they call. Start
 * order is database (schema migrated), parser warm-up, routes (the MLLP port opens last, ready to
 * answer at once), then the API. Close stops taking messages first and closes the database last.
 */
public final class BridgeEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeEngine.class);

    private final Database db;
    private final CamelContext camel;
    private final AdminApi api;
    private final int mllpPort;

    private BridgeEngine(Database db, CamelContext camel, AdminApi api, int mllpPort) {
        this.db = db;
        this.camel = camel;
        this.api = api;
        this.mllpPort = mllpPort;
    }

    public static BridgeEngine start(Settings settings) throws Exception {
        Database db = Database.open(settings.get("bridge.db.url"), settings.get("bridge.db.user"),
                settings.get("bridge.db.password"), settings.getInt("bridge.db.pool-size"));
        CamelContext camel = null;
        try {
            ReferenceMaintenance references = new ReferenceMaintenance(db);
            ReferenceSeed.load(Path.of(settings.get("bridge.reference.dir")), references);
            camel = startRoutes(settings, db);
            ProducerTemplate process = camel.createProducerTemplate();
            Journal journal = new Journal(db);
            Reprocessor reprocessor = new Reprocessor(journal,
                    m -> process.requestBody("direct:" + AcceptedEvents.PROCESS_ROUTE, m, InFlight.class));
            Maintenance maintenance = new Maintenance(references, reprocessor, new Worklist(db),
                    Boolean.parseBoolean(settings.get("bridge.reprocess.auto")));
            AdminApi api = AdminApi.start(settings.get("bridge.http.host"), settings.getInt("bridge.http.port"), db,
                    journal, new PatientStore(db), new PatientAccount(db), maintenance);
            BridgeEngine engine = new BridgeEngine(db, camel, api, settings.getInt("bridge.mllp.port"));
            LOG.info("WebPT Bridge ready: MLLP on port {}, HTTP on port {}, database {}, profile {}", engine.mllpPort,
                    api.port(), safeUrl(settings.get("bridge.db.url")), settings.get("bridge.profile"));
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
     * Loads the routes, reads from them which messages they map, binds the beans the steps name
     * and starts them: the MLLP port opens last, ready to answer at once.
     */
    private static CamelContext startRoutes(Settings settings, Database db) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("webpt-bridge");
        camel.getPropertiesComponent().setInitialProperties(settings.asProperties());
        camel.getShutdownStrategy().setTimeout(15);
        camel.build();
        PluginHelper.getRoutesLoader(camel).loadRoutes(routeFiles(camel, Path.of(settings.get("bridge.routes.dir"))));

        Journal journal = new Journal(db);
        PatientStore patients = new PatientStore(db);
        Hl7Parser parser = new Hl7Parser();
        parser.warmUp();
        Path profileFile = Path.of(settings.get("bridge.profile"));
        MappingProfile profile = Files.exists(profileFile) ? MappingProfile.load(profileFile) : MappingProfile.webptDefault();
        Set<String> versions = csv(settings.get("bridge.hl7.versions"));
        HeaderRules rules = new HeaderRules(versions, csv(settings.get("bridge.hl7.processing-ids")),
                AcceptedEvents.of(camel));
        AckBuilder acks = new AckBuilder(ZoneId.systemDefault(), versions);
        FrameLimits limits = new FrameLimits(settings.getInt("bridge.mllp.max-frame-bytes"),
                Duration.ofMillis(settings.getInt("bridge.mllp.frame-timeout-ms")));
        Commit commit = new Commit(db, journal, acks);

        Registry beans = camel.getRegistry();
        beans.bind("mllpFrameDecoder", MllpCodec.decoder(limits));
        beans.bind("mllpFrameEncoder", MllpCodec.encoder());
        beans.bind("intake", new Intake(journal, Charset.forName(settings.get("bridge.hl7.default-charset"))));
        beans.bind("headerCheck", new HeaderCheck(rules, db, journal));
        beans.bind("parse", new Parse(parser));
        beans.bind("patientInfo", new PatientInfoStep(new PatientInfoMapper(profile), patients));
        beans.bind("encounter", new EncounterStep(new EncounterMapper(profile),
                new EncounterResolver(new ReferenceLookup(db)), patients, new EncounterStore()));
        beans.bind("commit", commit);
        beans.bind("failure", new Failure(commit));
        beans.bind("acknowledger", new Acknowledger(acks));
        camel.start();
        return camel;
    }

    private static Resource[] routeFiles(CamelContext camel, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Route folder " + dir.toAbsolutePath() + " does not exist: set bridge.routes.dir");
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
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
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

    public int httpPort() {
        return api.port();
    }

    public int mllpPort() {
        return mllpPort;
    }

    /** The running routes (tests read the accepted message types from them). */
    CamelContext camel() {
        return camel;
    }

    public Database database() {
        return db;
    }

    @Override
    public void close() {
        LOG.info("WebPT Bridge stopping");
        try {
            camel.stop();
        } finally {
            api.close();
            db.close();
        }
        LOG.info("WebPT Bridge stopped");
    }
}
