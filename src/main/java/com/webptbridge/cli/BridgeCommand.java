package com.webptbridge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code java -jar target/webpt-bridge.jar [command]}. With no command, runs the engine.
 */
@Command(
        name = "bridge",
        mixinStandardHelpOptions = true,
        version = "WebPT Bridge 0.1",
        description = "WebPT to billing HL7 v2 interface engine.",
        subcommands = {
            RunCommand.class,
            SettingsCommand.class,
            InterfaceCommand.class,
            WorklistCommand.class,
            ReprocessCommand.class,
            SendCommand.class,
            ReplayCommand.class,
            AckServerCommand.class,
            LoadCommand.class,
            CompactCommand.class
        },
        modelTransformer = BridgeCommand.WithReferenceCommands.class)
public final class BridgeCommand implements Runnable {

    @Option(
            names = "--url",
            scope = ScopeType.INHERIT,
            defaultValue = "http://localhost:8080",
            description = "The running engine's HTTP API (default: ${DEFAULT-VALUE})")
    String url;

    @Option(
            names = "--interface",
            scope = ScopeType.INHERIT,
            paramLabel = "ID",
            description = "The practice's interface to work on; needed only when the engine runs several")
    String interfaceId;

    @Option(
            names = "--operator",
            scope = ScopeType.INHERIT,
            defaultValue = "${sys:user.name}",
            description = "Who is making the change, for the audit trail (default: your OS user)")
    String operator;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new BridgeCommand());
        int code = args.length == 0 ? cli.execute("run") : cli.execute(args);
        if (code != 0 || args.length == 0 || !"run".equals(args[0])) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * Adds the reference commands, generated from ReferenceKind, whenever a command line is built
     * on this class (here and in tests), so they inherit --url and --operator like the others.
     */
    static final class WithReferenceCommands implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec bridge) {
            ReferenceCommands.addTo(bridge);
            return bridge;
        }
    }
}
