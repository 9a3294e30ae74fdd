package com.webptbridge.api;

import java.util.List;

/**
 * What the console's pages read beyond the journal and the reference data: the dashboard's counts,
 * the worklist, HL7 field names and the reference kinds' fields (shapes in {@link ConsoleJson}).
 */
final class ViewsResource {

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get(
                                ApiPath.of("api", "worklist"),
                                Role.VIEWER,
                                "messages in ERROR grouped by what they wait for",
                                call -> ApiResponse.ok(
                                        call.practice().maintenance().worklist()))
                        .ofInterface(),
                Endpoint.get(
                                ApiPath.of("api", "summary"),
                                Role.VIEWER,
                                "the dashboard: counts per type, facility and status, NAK rate, version, uptime",
                                call -> ApiResponse.ok(
                                        ConsoleJson.summary(call.practice().journal())))
                        .ofInterface(),
                Endpoint.get(
                                ApiPath.of("api", "field-names"),
                                Role.VIEWER,
                                "HL7 v2.5.1 field names per segment",
                                call -> ApiResponse.ok(ConsoleJson.fieldNames(call.query("segments"))))
                        .taking("segments")
                        .ofInterface(),
                Endpoint.get(
                                ApiPath.of("api", "reference-kinds"),
                                Role.VIEWER,
                                "the reference kinds, their fields (name, the label a form shows, required, width, help) and the"
                                        + " waiting kinds each releases",
                                call -> ApiResponse.ok(ConsoleJson.referenceKinds()))
                        .ofInterface());
    }
}
