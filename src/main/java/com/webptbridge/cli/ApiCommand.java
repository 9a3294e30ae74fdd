package com.webptbridge.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A command that talks to the running engine's API: the client (from the inherited --url and
 * --operator), output, and exit codes: 0 done, 2 refused by the engine (it says why), 1 anything else.
 */
abstract class ApiCommand {

    @Spec
    CommandSpec spec;

    ApiClient api() {
        BridgeCommand root = (BridgeCommand) spec.root().userObject();
        return ApiClient.of(root);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    int refused(ApiClient.Answer answer) {
        spec.commandLine().getErr().println(answer.error());
        return 2;
    }

    int run(Callable<Integer> action) {
        try {
            return action.call();
        } catch (ApiClient.CliFailure e) {
            spec.commandLine().getErr().println(e.getMessage());
            return e.exitCode;
        } catch (Exception e) {
            spec.commandLine().getErr().println("Failed: " + e.getMessage());
            return 1;
        }
    }

    /** Puts a value in the JSON body when the option was given. */
    static void put(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }

    static Map<String, Object> body() {
        return new LinkedHashMap<>();
    }
}
