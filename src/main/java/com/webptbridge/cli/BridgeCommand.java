package com.webptbridge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar target/webpt-bridge.jar [command]}. With no command, runs the engine.
 */
@Command(name = "bridge", mixinStandardHelpOptions = true, version = "WebPT Bridge 0.1",
        description = "WebPT to billing HL7 v2 interface engine.",
        subcommands = {RunCommand.class})
public final class BridgeCommand implements Runnable {

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
}
