package com.webptbridge.support;

import com.webptbridge.cli.BridgeCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real {@code bridge} command line in-process and captures what it prints. */
public final class Cli {

    private Cli() {}

    public record Result(int exitCode, String out, String err) {}

    /** Runs a command logged in as the test engines' admin (--user/--password before the command). */
    public static Result run(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--user";
        all[1] = "admin";
        all[2] = "--password";
        all[3] = TestEngine.ADMIN_PASSWORD;
        System.arraycopy(args, 0, all, 4, args.length);
        return runAsGiven(all);
    }

    /** Runs exactly the arguments given: no login added. */
    public static Result runAsGiven(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BridgeCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
