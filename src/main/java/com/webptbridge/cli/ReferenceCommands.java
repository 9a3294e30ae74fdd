package com.webptbridge.cli;

import com.webptbridge.billing.ReferenceKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;

/**
 * One command per kind of reference data. Each declares its fields once (a mixin) and uses them
 * for {@code add} (required ones checked by the engine) and {@code update} (only those given change).
 */
final class ReferenceCommands {

    private ReferenceCommands() {
    }

    static final class AddressFields {
        @Option(names = "--address", description = "Street line") String line1;
        @Option(names = "--city") String city;
        @Option(names = "--state") String state;
        @Option(names = "--zip") String zip;

        void into(Map<String, Object> body) {
            ApiCommand.put(body, "addressLine1", line1);
            ApiCommand.put(body, "city", city);
            ApiCommand.put(body, "state", state);
            ApiCommand.put(body, "zip", zip);
        }
    }

    @Command(name = "payer", description = "Billing payers (WebPT's payer Alternate ID = Sequence Number).",
            subcommands = {ReferenceCommand.Show.class, ReferenceCommand.ListAll.class, ReferenceCommand.Deactivate.class})
    static final class Payer extends ReferenceCommand {
        static final class Fields {
            @Option(names = "--name") String name;
            @Option(names = "--payer-id", description = "Electronic payer ID") String payerId;
            @Option(names = "--plan-type") String planType;
            @Mixin AddressFields address;

            Map<String, Object> body() {
                Map<String, Object> b = ApiCommand.body();
                put(b, "name", name);
                put(b, "payerId", payerId);
                put(b, "planType", planType);
                address.into(b);
                return b;
            }
        }

        Payer() {
            super(ReferenceKind.PAYER);
        }

        @Command(name = "add", description = "Add a payer; prints its Sequence Number and where it goes in WebPT.")
        int add(@Mixin Fields f, @Option(names = "--sequence-number", description = "Import under this number") Long seq) {
            return create(f.body(), seq);
        }

        @Command(name = "update", description = "Change the fields given.")
        int update(@Parameters(paramLabel = "SEQUENCE_NUMBER") String key, @Mixin Fields f,
                   @Option(names = "--activate") boolean activate) {
            return update(key, f.body(), activate);
        }
    }

    @Command(name = "facility", description = "Billing facilities (WebPT's facility Alternate ID = Sequence Number).",
            subcommands = {ReferenceCommand.Show.class, ReferenceCommand.ListAll.class, ReferenceCommand.Deactivate.class})
    static final class Facility extends ReferenceCommand {
        static final class Fields {
            @Option(names = "--name") String name;
            @Option(names = "--npi") String npi;
            @Option(names = "--place-of-service", description = "2-digit code, e.g. 11") String placeOfService;
            @Mixin AddressFields address;

            Map<String, Object> body() {
                Map<String, Object> b = ApiCommand.body();
                put(b, "name", name);
                put(b, "npi", npi);
                put(b, "placeOfService", placeOfService);
                address.into(b);
                return b;
            }
        }

        Facility() {
            super(ReferenceKind.FACILITY);
        }

        @Command(name = "add", description = "Add a facility; prints its Sequence Number and where it goes in WebPT.")
        int add(@Mixin Fields f, @Option(names = "--sequence-number", description = "Import under this number") Long seq) {
            return create(f.body(), seq);
        }

        @Command(name = "update", description = "Change the fields given.")
        int update(@Parameters(paramLabel = "SEQUENCE_NUMBER") String key, @Mixin Fields f,
                   @Option(names = "--activate") boolean activate) {
            return update(key, f.body(), activate);
        }
    }

    @Command(name = "provider", description = "Rendering providers (Alternate ID = Sequence Number; NPIs must match).",
            subcommands = {ReferenceCommand.Show.class, ReferenceCommand.ListAll.class, ReferenceCommand.Deactivate.class})
    static final class Provider extends ReferenceCommand {
        static final class Fields {
            @Option(names = "--last-name") String lastName;
            @Option(names = "--first-name") String firstName;
            @Option(names = "--npi") String npi;
            @Option(names = "--taxonomy") String taxonomy;

            Map<String, Object> body() {
                Map<String, Object> b = ApiCommand.body();
                put(b, "lastName", lastName);
                put(b, "firstName", firstName);
                put(b, "npi", npi);
                put(b, "taxonomy", taxonomy);
                return b;
            }
        }

        Provider() {
            super(ReferenceKind.PROVIDER);
        }

        @Command(name = "add", description = "Add a provider; prints its Sequence Number and where it goes in WebPT.")
        int add(@Mixin Fields f, @Option(names = "--sequence-number", description = "Import under this number") Long seq) {
            return create(f.body(), seq);
        }

        @Command(name = "update", description = "Change the fields given.")
        int update(@Parameters(paramLabel = "SEQUENCE_NUMBER") String key, @Mixin Fields f,
                   @Option(names = "--activate") boolean activate) {
            return update(key, f.body(), activate);
        }
    }

    @Command(name = "referring-provider", description = "Referring providers, matched by NPI.",
            subcommands = {ReferenceCommand.Show.class, ReferenceCommand.ListAll.class, ReferenceCommand.Deactivate.class})
    static final class ReferringProvider extends ReferenceCommand {
        static final class Fields {
            @Option(names = "--last-name") String lastName;
            @Option(names = "--first-name") String firstName;
            @Option(names = "--npi") String npi;

            Map<String, Object> body() {
                Map<String, Object> b = ApiCommand.body();
                put(b, "lastName", lastName);
                put(b, "firstName", firstName);
                put(b, "npi", npi);
                return b;
            }
        }

        ReferringProvider() {
            super(ReferenceKind.REFERRING_PROVIDER);
        }

        @Command(name = "add", description = "Add a referring provider (unique by NPI).")
        int add(@Mixin Fields f) {
            return create(f.body(), null);
        }

        @Command(name = "update", description = "Change the fields given.")
        int update(@Parameters(paramLabel = "SEQUENCE_NUMBER") String key, @Mixin Fields f,
                   @Option(names = "--activate") boolean activate) {
            return update(key, f.body(), activate);
        }
    }

    @Command(name = "procedure-code", description = "CPT/HCPCS codes, with optional defaults for their charges.",
            subcommands = {ReferenceCommand.Show.class, ReferenceCommand.ListAll.class, ReferenceCommand.Deactivate.class})
    static final class ProcedureCode extends ReferenceCommand {
        static final class Fields {
            @Option(names = "--code") String code;
            @Option(names = "--description") String description;
            @Option(names = "--default-charge", description = "e.g. 45.00") String defaultCharge;
            @Option(names = "--default-units") String defaultUnits;
            @Option(names = "--default-revenue-code", description = "4 digits, e.g. 0420") String defaultRevenueCode;

            Map<String, Object> body() {
                Map<String, Object> b = ApiCommand.body();
                put(b, "code", code);
                put(b, "description", description);
                put(b, "defaultCharge", defaultCharge);
                put(b, "defaultUnits", defaultUnits);
                put(b, "defaultRevenueCode", defaultRevenueCode);
                return b;
            }
        }

        ProcedureCode() {
            super(ReferenceKind.PROCEDURE_CODE);
        }

        @Command(name = "add", description = "Add a CPT/HCPCS code; messages waiting for it are reprocessed.")
        int add(@Mixin Fields f) {
            return create(f.body(), null);
        }

        @Command(name = "update", description = "Change the fields given.")
        int update(@Parameters(paramLabel = "CODE") String key, @Mixin Fields f,
                   @Option(names = "--activate") boolean activate) {
            return update(key, f.body(), activate);
        }
    }
}
