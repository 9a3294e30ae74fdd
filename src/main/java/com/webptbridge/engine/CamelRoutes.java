package com.webptbridge.engine;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Camel context with the route templates of {@code bridge.routes.dir} loaded: one listener
 * route per MLLP port and one processing route per interface are made from them later.
 */
final class CamelRoutes {

    static final String LISTENER_TEMPLATE = "mllp-listener";
    static final String PROCESS_TEMPLATE = "interface-process";
    /** Needed only by interfaces with a file-drop folder (inbound.files). */
    static final String FILE_DROP_TEMPLATE = "file-drop";

    private CamelRoutes() {}

    static CamelContext load(Settings settings) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("webpt-bridge");
        camel.getPropertiesComponent().setInitialProperties(settings.asProperties());
        camel.getShutdownStrategy().setTimeout(15);
        camel.build();
        Path dir = Path.of(settings.get("bridge.routes.dir"));
        PluginHelper.getRoutesLoader(camel).loadRoutes(routeFiles(camel, dir));
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        for (String template : List.of(LISTENER_TEMPLATE, PROCESS_TEMPLATE)) {
            if (model.getRouteTemplateDefinition(template) == null) {
                throw new IllegalStateException("The routes in " + dir.toAbsolutePath() + " define no '" + template
                        + "' route template: the engine makes its routes from it");
            }
        }
        return camel;
    }

    static boolean hasTemplate(CamelContext camel, String template) {
        return camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteTemplateDefinition(template)
                != null;
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
}
