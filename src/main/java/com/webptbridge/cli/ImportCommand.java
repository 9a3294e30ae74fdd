package com.webptbridge.cli;

import picocli.CommandLine.Command;

/** {@code bridge import ...}: load a practice's existing data into its interface. */
@Command(
        name = "import",
        description = "Load a practice's existing data into its interface: `bridge import patients FILE`",
        subcommands = {PatientLoadCommand.class})
final class ImportCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
