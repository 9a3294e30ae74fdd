package com.webptbridge.cli;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.ReferenceKind.Field;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

/**
 * One command per {@link ReferenceKind}, generated from it: {@code bridge payer add|update|show|list|deactivate}
 * and so on. The options of add and update are the kind's fields, so a field added to the kind is a
 * CLI option without touching this package. Required fields are not required here: the engine checks
 * them and names every missing one in one answer.
 */
final class ReferenceCommands {

    /** Names options had before they were generated; scripts may still use them. */
    private static final Map<String, List<String>> OLD_NAMES = Map.of("addressLine1", List.of("--address"));

    private ReferenceCommands() {}

    /** Adds a command for every reference kind to {@code bridge}. */
    static void addTo(CommandSpec bridge) {
        for (ReferenceKind kind : ReferenceKind.values()) {
            bridge.addSubcommand(kind.cliName(), command(kind));
        }
    }

    static CommandSpec command(ReferenceKind kind) {
        CommandSpec command = CommandSpec.create().name(kind.cliName()).addOption(help());
        command.addMixin(ApiCommand.OPTIONS, CommandSpec.forAnnotatedObject(new ApiOptions()));
        command.usageMessage().description(summary(kind));
        command.addSubcommand("add", add(kind));
        command.addSubcommand("update", update(kind));
        command.addSubcommand("show", show(kind));
        command.addSubcommand("list", list(kind));
        command.addSubcommand("deactivate", deactivate(kind));
        return command;
    }

    private static CommandSpec add(ReferenceKind kind) {
        Map<Field, OptionSpec> fields = fieldOptions(kind, true);
        List<OptionSpec> options = new ArrayList<>(fields.values());
        // Only kinds WebPT refers to by Sequence Number need an existing billing number imported;
        // referring providers and procedure codes are matched by NPI and code.
        OptionSpec sequenceNumber = kind.uniqueField() != null
                ? null
                : OptionSpec.builder("--sequence-number")
                        .type(Long.class)
                        .paramLabel("<sequenceNumber>")
                        .description("Import an existing billing record under this Sequence Number"
                                + " (default: the next free number)")
                        .build();
        if (sequenceNumber != null) {
            options.add(sequenceNumber);
        }
        return subcommand(
                kind,
                "add",
                addSummary(kind),
                options,
                List.of(),
                c -> c.create(body(fields), sequenceNumber == null ? null : sequenceNumber.getValue()));
    }

    private static CommandSpec update(ReferenceKind kind) {
        PositionalParamSpec key = key(kind);
        Map<Field, OptionSpec> fields = fieldOptions(kind, false);
        OptionSpec activate = OptionSpec.builder("--activate")
                .arity("0")
                .type(boolean.class)
                .description("Reactivate a deactivated record")
                .build();
        List<OptionSpec> options = new ArrayList<>(fields.values());
        options.add(activate);
        return subcommand(
                kind,
                "update",
                "Change the fields given; the others keep their values.",
                options,
                List.of(key),
                c -> c.update(key.getValue(), body(fields), Boolean.TRUE.equals(activate.getValue())));
    }

    private static CommandSpec show(ReferenceKind kind) {
        PositionalParamSpec key = key(kind);
        return subcommand(kind, "show", "Show one record.", List.of(), List.of(key), c -> c.show(key.getValue()));
    }

    private static CommandSpec list(ReferenceKind kind) {
        OptionSpec search = OptionSpec.builder("--search")
                .type(String.class)
                .paramLabel("<search>")
                .description("Text any field contains (any case)")
                .build();
        return subcommand(
                kind,
                "list",
                "List records, or those matching --search.",
                List.of(search),
                List.of(),
                c -> c.list(search.getValue()));
    }

    private static CommandSpec deactivate(ReferenceKind kind) {
        PositionalParamSpec key = key(kind);
        return subcommand(
                kind,
                "deactivate",
                "Deactivate a record: kept, but no longer matched by messages.",
                List.of(),
                List.of(key),
                c -> c.deactivate(key.getValue()));
    }

    /** An option per field, in the kind's order; on add, the description says which ones are required. */
    private static Map<Field, OptionSpec> fieldOptions(ReferenceKind kind, boolean adding) {
        Map<Field, OptionSpec> options = new LinkedHashMap<>();
        for (Field f : kind.fields()) {
            List<String> names = new ArrayList<>(List.of(f.option()));
            names.addAll(OLD_NAMES.getOrDefault(f.json(), List.of()));
            options.put(
                    f,
                    OptionSpec.builder(names.toArray(String[]::new))
                            .type(String.class)
                            .paramLabel("<" + f.json() + ">")
                            .description(f.description() + (adding && f.required() ? " (required)" : ""))
                            .build());
        }
        return options;
    }

    private static PositionalParamSpec key(ReferenceKind kind) {
        return PositionalParamSpec.builder()
                .index("0")
                .type(String.class)
                .paramLabel(kind.addressedByCode() ? "CODE" : "SEQUENCE_NUMBER")
                .description(
                        kind.addressedByCode() ? "The procedure code" : "The " + kind.noun() + "'s Sequence Number")
                .build();
    }

    /** The JSON body: the fields whose options were given. */
    private static Map<String, Object> body(Map<Field, OptionSpec> fields) {
        Map<String, Object> body = ApiCommand.body();
        fields.forEach((field, option) -> ApiCommand.put(body, field.json(), option.getValue()));
        return body;
    }

    private static CommandSpec subcommand(
            ReferenceKind kind,
            String name,
            String description,
            List<OptionSpec> options,
            List<PositionalParamSpec> parameters,
            ToIntFunction<ReferenceCommand> body) {
        Action action = new Action(kind, body);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(action).name(name);
        action.spec = spec;
        spec.usageMessage().description(description).sortOptions(false);
        parameters.forEach(spec::addPositional);
        options.forEach(spec::addOption);
        spec.addOption(help());
        return spec;
    }

    private static OptionSpec help() {
        return OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build();
    }

    private static String summary(ReferenceKind kind) {
        return switch (kind) {
            case PAYER -> "Billing payers (WebPT's payer Alternate ID = Sequence Number).";
            case FACILITY -> "Billing facilities (WebPT's facility Alternate ID = Sequence Number).";
            case PROVIDER -> "Rendering providers (Alternate ID = Sequence Number; NPIs must match).";
            case REFERRING_PROVIDER -> "Referring providers, matched by NPI.";
            case PROCEDURE_CODE -> "CPT/HCPCS codes, with optional defaults for their charges.";
        };
    }

    private static String addSummary(ReferenceKind kind) {
        return switch (kind) {
            case REFERRING_PROVIDER -> "Add a referring provider (unique by NPI).";
            case PROCEDURE_CODE -> "Add a CPT/HCPCS code; messages waiting for it are reprocessed.";
            default -> "Add a " + kind.noun() + "; prints its Sequence Number and where it goes in WebPT.";
        };
    }

    /** What picocli runs for a generated subcommand, once the options are parsed into their specs. */
    private static final class Action implements Callable<Integer> {
        private final ReferenceKind kind;
        private final ToIntFunction<ReferenceCommand> body;
        private CommandSpec spec;

        Action(ReferenceKind kind, ToIntFunction<ReferenceCommand> body) {
            this.kind = kind;
            this.body = body;
        }

        @Override
        public Integer call() {
            return body.applyAsInt(new ReferenceCommand(kind, spec));
        }
    }
}
