package com.webptbridge.engine;

import org.apache.camel.CamelContext;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.WhenDefinition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message types and trigger events the interfaces accept, read from the choice in the
 * processing route template ({@code ${body.event} in 'ADT^A04,...'} or {@code == 'DFT^P03'}): the route is
 * the one place that says which messages are mapped, and the header check refuses the rest.
 */
final class AcceptedEvents {

    static final String PROCESS_TEMPLATE = "interface-process";
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern EVENT = Pattern.compile("([A-Z0-9]{3})\\^([A-Z0-9]{3})");

    private AcceptedEvents() {}

    /** By message type, the trigger events the route's choice maps. */
    static Map<String, Set<String>> of(CamelContext camel) {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        RouteTemplateDefinition template = model.getRouteTemplateDefinition(PROCESS_TEMPLATE);
        if (template == null) {
            throw new IllegalStateException("The routes define no '" + PROCESS_TEMPLATE + "' route template: every"
                    + " interface's processing route is made from it");
        }
        RouteDefinition route = template.getRoute();
        Map<String, Set<String>> accepted = new LinkedHashMap<>();
        collect(route.getOutputs(), accepted);
        if (accepted.isEmpty()) {
            throw new IllegalStateException("The '" + PROCESS_TEMPLATE
                    + "' template's choice names no message type: write" + " e.g. ${body.event} == 'DFT^P03'");
        }
        return accepted;
    }

    private static void collect(java.util.List<ProcessorDefinition<?>> outputs, Map<String, Set<String>> accepted) {
        for (ProcessorDefinition<?> p : outputs) {
            if (p instanceof ChoiceDefinition choice) {
                for (WhenDefinition when : choice.getWhenClauses()) {
                    Matcher quoted = QUOTED.matcher(when.getExpression().getExpression());
                    while (quoted.find()) {
                        Matcher event = EVENT.matcher(quoted.group(1));
                        while (event.find()) {
                            accepted.computeIfAbsent(event.group(1), t -> new TreeSet<>())
                                    .add(event.group(2));
                        }
                    }
                    collect(when.getOutputs(), accepted);
                }
            } else {
                collect(p.getOutputs(), accepted);
            }
        }
    }
}
