package com.webptbridge.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A command that talks to the running engine's API: the client (from --url, --interface and
 * --operator, which only these commands take), output, and exit codes: 0 done, 2 refused by the
 * engine (it says why), 1 anything else.
 */
abstract class ApiCommand {

    /** The mixin's name on a command spec; generated commands add it under this name too. */
    static final String OPTIONS = "api";

    @Spec
    CommandSpec spec;

    @Mixin(name = OPTIONS)
    ApiOptions options = new ApiOptions();

    ApiClient api() {
        return ApiClient.of(options(spec));
    }

    /** The API options of this command or the nearest command above it that declares them. */
    static ApiOptions options(CommandSpec spec) {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            CommandSpec mixin = s.mixins().get(OPTIONS);
            if (mixin != null && mixin.userObject() instanceof ApiOptions o) {
                return o;
            }
        }
        throw new IllegalStateException(spec.qualifiedName() + " does not take the API options");
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    int refused(ApiClient.Answer answer) {
        spec.commandLine().getErr().println(answer.error());
        return 2;
    }

    /**
     * A document the engine answered (a sheet, a report, a reconciliation): refused when not 200,
     * else printed, or written to {@code file} when given, saying so as "Wrote {what} to FILE.".
     */
    int document(java.net.http.HttpResponse<String> answer, java.nio.file.Path file, String what)
            throws java.io.IOException {
        if (answer.statusCode() != 200) {
            return refused(new ApiClient.Answer(answer.statusCode(), ApiClient.JSON.readTree(answer.body())));
        }
        if (file == null) {
            out().print(answer.body());
        } else {
            java.nio.file.Files.writeString(file, answer.body());
            out().println("Wrote " + what + " to " + file + ".");
        }
        return 0;
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
