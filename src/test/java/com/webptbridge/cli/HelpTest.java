package com.webptbridge.cli;

import com.webptbridge.support.Cli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command and subcommand of the real command line answers -h and --help with exit 0 and a
 * usage that describes every option and argument; options that belong to the API commands are not
 * offered where they mean nothing; bare {@code bridge} prints help rather than starting an engine.
 */
class HelpTest {

    /** Every command's path below {@code bridge}, e.g. [payer, add], found by walking picocli's tree. */
    private static List<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        walk(BridgeCommand.commandLine(), new ArrayList<>(), out);
        return out;
    }

    private static void walk(CommandLine cli, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cli.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().name().equals(name)) { // aliases once
                List<String> next = new ArrayList<>(path);
                next.add(name);
                walk(sub, next, out);
            }
        });
    }

    private static CommandSpec spec(List<String> path) {
        CommandLine cli = BridgeCommand.commandLine();
        for (String name : path) {
            cli = cli.getSubcommands().get(name);
        }
        return cli.getCommandSpec();
    }

    @Test
    void everyCommandAnswersHelpWithExitZero() {
        List<List<String>> commands = commands();
        assertThat(commands).hasSizeGreaterThan(30); // 10 commands, 5 reference kinds x 5, interface x 4
        for (List<String> path : commands) {
            for (String flag : List.of("-h", "--help")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                Cli.Result r = Cli.run(args.toArray(String[]::new));
                assertThat(r.exitCode()).as("bridge %s", String.join(" ", args)).isZero();
                assertThat(r.out()).as("bridge %s", String.join(" ", args)).contains("Usage: bridge");
                assertThat(r.err()).as("bridge %s", String.join(" ", args)).isEmpty();
            }
        }
    }

    @Test
    void everyOptionAndArgumentHasADescriptionAndEveryCommandOne() {
        List<String> missing = new ArrayList<>();
        for (List<String> path : commands()) {
            CommandSpec spec = spec(path);
            String name = "bridge " + String.join(" ", path);
            if (spec.usageMessage().description().length == 0) {
                missing.add(name);
            }
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec arg : args) {
                if (arg.description().length == 0
                        || Arrays.stream(arg.description()).allMatch(String::isBlank)) {
                    missing.add(name + " " + (arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel()));
                }
            }
        }
        assertThat(missing)
                .as("commands, options and arguments without a description")
                .isEmpty();
    }

    @Test
    void defaultsAndRequiredOptionsAreShown() {
        Cli.Result send = Cli.run("send", "--help");
        assertThat(send.out()).contains("Default: 2575").contains("Default: localhost");
        Cli.Result add = Cli.run("interface", "add", "--help");
        assertThat(add.out()).contains("--port").contains("(required)");
        Cli.Result payer = Cli.run("payer", "add", "--help");
        assertThat(payer.out())
                .contains("Payer name as the billing system shows it")
                .contains("(required)");
        Cli.Result code = Cli.run("procedure-code", "add", "--help");
        assertThat(code.out()).contains("--default-charge");
    }

    @Test
    void theApiOptionsAreOfferedOnlyWhereTheyMeanSomething() {
        for (String command : List.of("send", "load", "ack-server", "run", "settings")) {
            CommandSpec spec = spec(List.of(command));
            assertThat(spec.findOption("--operator")).as(command).isNull();
            assertThat(spec.findOption("--url")).as(command).isNull();
            assertThat(spec.findOption("--interface")).as(command).isNull();
        }
        for (List<String> path : List.of(
                List.of("worklist"),
                List.of("reprocess"),
                List.of("interface", "list"),
                List.of("payer", "add"),
                List.of("procedure-code", "update"),
                List.of("replay"))) {
            assertThat(spec(path).findOption("--url")).as(path.toString()).isNotNull();
        }
        Cli.Result sendWithOperator = Cli.run("send", "x.hl7", "--operator", "ana");
        assertThat(sendWithOperator.exitCode()).isEqualTo(2);
        assertThat(sendWithOperator.err()).contains("Unknown option: '--operator'");
    }

    @Test
    void bareBridgePrintsHelpInsteadOfStartingAnEngineAndHelpNamesACommand() {
        Cli.Result bare = Cli.run();
        assertThat(bare.exitCode()).isZero();
        assertThat(bare.out()).contains("Usage: bridge").contains("run").contains("Start the engine");

        Cli.Result help = Cli.run("help", "reprocess");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("Usage: bridge reprocess")
                .contains("--dry-run")
                .contains("--all");
    }

    @Test
    void anApiOptionGivenOnASubcommandReachesTheClient() {
        // Nothing listens on port 9: the message names the URL given on the subcommand.
        Cli.Result r = Cli.run("interface", "list", "--url", "http://127.0.0.1:9");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("http://127.0.0.1:9");
        Cli.Result p = Cli.run("payer", "show", "1", "--url", "http://127.0.0.1:9");
        assertThat(p.err()).contains("http://127.0.0.1:9");
    }
}
