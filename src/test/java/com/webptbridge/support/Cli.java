package com.webptbridge.support;

import com.webptbridge.cli.BridgeCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real {@code bridge} command line in-process and captures what it prints. */
public final class Cli {

    private Cli() {}

    public record Result(int exitCode, String out, String err) {}

    /**
     * Runs a command; one that talks to the engine's API logs in as the test engines' admin
     * (--user/--password added at the end, where the API commands take them).
     */
    public static Result run(String... args) {
        if (!takesLogin(args)) {
            return runAsGiven(args);
        }
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--user";
        all[args.length + 1] = "admin";
        all[args.length + 2] = "--password";
        all[args.length + 3] = TestEngine.ADMIN_PASSWORD;
        return runAsGiven(all);
    }

    /** The command tree, only looked at (which options a command has): built once, not per run. */
    private static final CommandLine TREE = BridgeCommand.commandLine();

    /** True when the command the arguments name (its deepest subcommand given) takes --user. */
    private static boolean takesLogin(String... args) {
        CommandLine command = TREE;
        for (String arg : args) {
            CommandLine sub = command.getSubcommands().get(arg);
            if (sub == null) {
                break;
            }
            command = sub;
        }
        return command.getCommandSpec().findOption("--user") != null
                && !java.util.Arrays.asList(args).contains("--user");
    }

    /** Runs exactly the arguments given: no login added. */
    public static Result runAsGiven(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = BridgeCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
