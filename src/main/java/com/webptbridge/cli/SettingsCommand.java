package com.webptbridge.cli;

import com.webptbridge.engine.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code bridge settings}: every setting with its default and meaning, then the values in force here. */
@Command(name = "settings", description = "List every setting with its default and meaning, and the values in force.")
final class SettingsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.print(Settings.documentedDefaults());
        out.println();
        out.println("# In force here (defaults, then the settings file, environment and -D properties):");
        Settings.load().effective().forEach((key, value) -> out.println(key + "=" + value));
        return 0;
    }
}
