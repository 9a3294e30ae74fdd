package com.webptbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code bridge user add|list|remove|password|token}: the API's accounts, through the running engine (admin only). */
@Command(
        name = "user",
        description = "Accounts of the engine's API: add, list, remove, password, token (needs an admin login).",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.ListUsers.class,
            UserCommand.Remove.class,
            UserCommand.Password.class,
            UserCommand.Token.class
        })
final class UserCommand {

    static String path(String name) {
        return "/api/users/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    @Command(name = "add", description = "Add an account; prints its generated password alone on the last line.")
    static final class Add extends ApiCommand implements java.util.concurrent.Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The account's name")
        String name;

        @Option(names = "--role", required = true, description = "viewer, analyst or admin")
        String role;

        @Option(
                names = "--interfaces",
                paramLabel = "ID,ID",
                description = "Limit the account to these interfaces (default: all)")
        String interfaces;

        @Override
        public Integer call() {
            return run(() -> {
                Map<String, Object> body = body();
                body.put("name", name);
                body.put("role", role);
                put(body, "interfaces", interfaces);
                ApiClient.Answer a = api().call("POST", "/api/users", body);
                if (!a.ok()) {
                    return refused(a);
                }
                out().println("Added account " + name + " ("
                        + a.body().get("role").asText() + ")"
                        + (a.body().get("interfaces").isNull()
                                ? ""
                                : ", limited to " + a.body().get("interfaces"))
                        + ". Its password (shown once):");
                out().println(a.body().get("password").asText());
                return 0;
            });
        }
    }

    @Command(name = "list", description = "List the accounts: name, role, interfaces, tokens.")
    static final class ListUsers extends ApiCommand implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            return run(() -> {
                ApiClient.Answer a = api().call("GET", "/api/users", null);
                if (!a.ok()) {
                    return refused(a);
                }
                for (JsonNode u : a.body()) {
                    out().printf(
                                    "%-20s %-8s interfaces=%s tokens=%d%n",
                                    u.get("name").asText(),
                                    u.get("role").asText(),
                                    u.get("interfaces").isNull()
                                            ? "all"
                                            : u.get("interfaces").asText(),
                                    u.get("tokens").asInt());
                }
                return 0;
            });
        }
    }

    @Command(name = "remove", description = "Remove an account and its tokens.")
    static final class Remove extends ApiCommand implements java.util.concurrent.Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The account's name")
        String name;

        @Override
        public Integer call() {
            return run(() -> {
                ApiClient.Answer a = api().call("DELETE", path(name), null);
                if (!a.ok()) {
                    return refused(a);
                }
                out().println("Removed account " + name + " and its tokens.");
                return 0;
            });
        }
    }

    @Command(
            name = "password",
            description = "Give an account a new generated password, printed alone on the last line.")
    static final class Password extends ApiCommand implements java.util.concurrent.Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The account's name")
        String name;

        @Override
        public Integer call() {
            return run(() -> {
                ApiClient.Answer a = api().call("POST", path(name) + "/password", body());
                if (!a.ok()) {
                    return refused(a);
                }
                out().println("New password of " + name + " (shown once):");
                out().println(a.body().get("password").asText());
                return 0;
            });
        }
    }

    @Command(
            name = "token",
            description = "Make an API token for scripts (Authorization: Bearer), printed alone on the last line;"
                    + " --revoke removes all of the account's tokens.")
    static final class Token extends ApiCommand implements java.util.concurrent.Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The account's name")
        String name;

        @Option(names = "--revoke", description = "Revoke every token of the account instead")
        boolean revoke;

        @Override
        public Integer call() {
            return run(() -> {
                ApiClient.Answer a =
                        api().call(revoke ? "DELETE" : "POST", path(name) + "/tokens", revoke ? null : body());
                if (!a.ok()) {
                    return refused(a);
                }
                if (revoke) {
                    out().println("Revoked " + a.body().get("revoked").asInt() + " token(s) of " + name + ".");
                } else {
                    out().println("New API token of " + name + " (shown once; use it as BRIDGE_API_TOKEN):");
                    out().println(a.body().get("token").asText());
                }
                return 0;
            });
        }
    }
}
