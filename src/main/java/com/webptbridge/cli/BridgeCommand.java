package com.webptbridge.cli;

import com.webptbridge.build.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar target/webpt-bridge.jar COMMAND}: {@code run} starts the engine; with no command
 * this prints the help. Every command and subcommand takes {@code -h}, and {@code bridge help CMD}
 * works. An ordinary mistake (a missing file, a port in use, an engine that does not answer) is one
 * line on stderr, never a stack trace.
 */
@Command(
        name = "bridge",
        mixinStandardHelpOptions = true,
        versionProvider = BridgeCommand.Version.class,
        description = "WebPT to billing HL7 v2 interface engine. `bridge run` starts the engine.",
        subcommands = {
            HelpCommand.class,
            RunCommand.class,
            SettingsCommand.class,
            InterfaceCommand.class,
            ImportCommand.class,
            WorklistCommand.class,
            FindingsCommand.class,
            ReportCommand.class,
            ReconcileCommand.class,
            DryRunCommand.class,
            ReprocessCommand.class,
            SendCommand.class,
            ReplayCommand.class,
            AckServerCommand.class,
            LoadCommand.class,
            UserCommand.class,
            PruneCommand.class,
            TlsCommand.class,
            CompactCommand.class,
            BackupCommand.class,
            RestoreCommand.class
        },
        modelTransformer = BridgeCommand.WithReferenceCommands.class)
public final class BridgeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** {@code bridge --version}: the build's version and commit, as /health and the metrics say. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"WebPT Bridge " + BuildInfo.current()};
        }
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0 || args.length == 0 || !"run".equals(args[0])) {
            System.exit(code);
        }
    }

    /**
     * The command line as shipped: every command with -h/--help and its defaults shown, and failures
     * reported as one line rather than a stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BridgeCommand());
        everyCommand(cli);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            commandLine.getErr().println(Failures.sentence(e));
            return 1;
        });
        return cli;
    }

    private static void everyCommand(CommandLine cli) {
        CommandSpec spec = cli.getCommandSpec();
        spec.usageMessage().showDefaultValues(true);
        if (spec.options().stream().noneMatch(OptionSpec::usageHelp)) {
            spec.addOption(OptionSpec.builder("-h", "--help")
                    .usageHelp(true)
                    .description("Show this help message and exit.")
                    .build());
        }
        cli.getSubcommands().values().forEach(BridgeCommand::everyCommand);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Adds the reference commands, generated from ReferenceKind, whenever a command line is built
     * on this class (here and in tests).
     */
    static final class WithReferenceCommands implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec bridge) {
            ReferenceCommands.addTo(bridge);
            return bridge;
        }
    }
}
