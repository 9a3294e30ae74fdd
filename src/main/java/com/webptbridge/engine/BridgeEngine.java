package com.webptbridge.engine;

import com.webptbridge.api.AdminApi;
import com.webptbridge.hl7.AckBuilder;
import com.webptbridge.hl7.HeaderRules;
import com.webptbridge.hl7.Hl7Parser;
import com.webptbridge.inbound.Acknowledger;
import com.webptbridge.inbound.Commit;
import com.webptbridge.inbound.Parse;
import com.webptbridge.interfaces.InterfaceDefinition;
import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.store.Database;
import com.webptbridge.store.Journal;
import com.webptbridge.transport.ConnectionLimit;
import com.webptbridge.transport.FrameLimits;
import com.webptbridge.transport.MllpCodec;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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

    private BridgeEngine(Database db, CamelContext camel, InterfaceRuntime interfaces, AdminApi api) {
        this.db = db;
        this.camel = camel;
        this.interfaces = interfaces;
        this.api = api;
    }

    public static BridgeEngine start(Settings settings) throws Exception {
        Database db = Database.open(
                settings.get("bridge.db.url"),
                settings.get("bridge.db.user"),
                settings.get("bridge.db.password"),
                settings.getInt("bridge.db.pool-size"));
        CamelContext camel = null;
        try {
            camel = new DefaultCamelContext();
            InterfaceRuntime interfaces = startRoutes(settings, db, camel);
            AdminApi api = AdminApi.start(
                    settings.get("bridge.http.host"), settings.getInt("bridge.http.port"), db, interfaces);
            BridgeEngine engine = new BridgeEngine(db, camel, interfaces, api);
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
    private static InterfaceRuntime startRoutes(Settings settings, Database db, CamelContext camel) throws Exception {
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

        Registry beans = camel.getRegistry();
        beans.bind(
                "mllpConnectionLimit",
                MllpCodec.connectionLimit(new ConnectionLimit(settings.getInt("bridge.mllp.max-connections"))));
        beans.bind("mllpFrameDecoder", MllpCodec.decoder(limits));
        beans.bind("mllpFrameEncoder", MllpCodec.encoder());
        beans.bind("parse", new Parse(parser));
        beans.bind("unmatched", new Commit(db, new Journal(db, null), acks));
        beans.bind("acknowledger", new Acknowledger(acks));
        camel.start();
        InterfaceRuntime interfaces = new InterfaceRuntime(settings, db, camel, rules, acks);
        for (InterfaceDefinition d : interfaces.configured()) {
            interfaces.start(d);
        }
        return interfaces;
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
