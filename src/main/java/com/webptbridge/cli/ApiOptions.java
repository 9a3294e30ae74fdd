package com.webptbridge.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options of the commands that talk to a running engine's HTTP API (and only those): where the
 * API is, which practice's interface, who is making the change, and how to log in. Inherited by subcommands, so
 * {@code bridge payer add ... --url U} and {@code bridge interface list --url U} both work.
 */
final class ApiOptions {

    @Option(
            names = "--url",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            defaultValue = "http://localhost:8080",
            description = "The running engine's HTTP API")
    String url;

    @Option(
            names = "--interface",
            scope = ScopeType.INHERIT,
            paramLabel = "ID",
            description = "The practice's interface to work on; needed only when the engine runs several")
    String interfaceId;

    @Option(
            names = "--operator",
            scope = ScopeType.INHERIT,
            paramLabel = "NAME",
            defaultValue = "${sys:user.name}",
            description = "Who is making the change, for the audit trail (your OS user unless given)")
    String operator;

    @Option(
            names = "--user",
            scope = ScopeType.INHERIT,
            paramLabel = "NAME",
            description =
                    "Account to log in to the engine's API with (or BRIDGE_API_TOKEN, or ~/.webpt-bridge/credentials)")
    String user;

    @Option(
            names = "--password",
            scope = ScopeType.INHERIT,
            paramLabel = "PW",
            description = "The account's password (or BRIDGE_API_PASSWORD, else asked for on the console)")
    String password;
}
