package com.webptbridge.api;

import io.vertx.core.http.HttpMethod;

import java.util.List;

/**
 * One endpoint of the API, declared once: method, path, the least role it needs, what the access
 * log records, whether it is about the engine as a whole, a one-line summary, the query parameters
 * a GET takes, and the handler. The table ({@link Endpoints}) registers it on the Vert.x router and
 * the access check reads it; docs/api.md lists it (EndpointDocsTest holds the two together).
 *
 * @param role the least role; null for an open endpoint (no login: the probes, the console's files)
 * @param engineWide about the engine as a whole: an account limited to some interfaces may not call it
 * @param perInterface one interface's resource: answers at {@code /api/interfaces/:interface/...}
 *     and, when exactly one interface runs, at the short {@code path} as well
 * @param query the query parameters a GET takes; any other is refused (a misspelt filter that were
 *     ignored would answer with everything)
 * @param raw what {@code ?raw=true} needs instead (a raw message), or null when the endpoint has no such form
 * @param consumes the content types a change (not GET) may be sent as
 * @param upload takes a file as its body: read up to {@code bridge.http.max-upload-bytes} rather than
 *     {@code bridge.http.max-body-bytes}
 */
record Endpoint(
        HttpMethod method,
        ApiPath path,
        Role role,
        Audit audit,
        boolean engineWide,
        boolean perInterface,
        String summary,
        List<String> query,
        Access raw,
        List<String> consumes,
        boolean upload,
        Handler handler) {

    /** What a change is sent as unless its endpoint says otherwise: JSON, which a page on another site cannot make a browser send without asking. */
    static final List<String> JSON = List.of("application/json");

    /** What a request leaves in the access log. */
    enum Audit {
        NONE,
        /** A read of a patient's data: the patient ID ({@code :patientId}) is recorded. */
        READ_PATIENT,
        /** A read of a raw message: the journal id ({@code :journalId}) is recorded. */
        READ_RAW,
        /** Any change. */
        CHANGE
    }

    /** A role with what the access log records. */
    record Access(Role role, Audit audit) {}

    /** The work, on a worker thread, once the request is allowed. */
    @FunctionalInterface
    interface Handler {
        ApiResponse handle(Call call) throws Exception;
    }

    static Endpoint get(ApiPath path, Role role, String summary, Handler handler) {
        return new Endpoint(
                HttpMethod.GET, path, role, Audit.NONE, false, false, summary, List.of(), null, JSON, false, handler);
    }

    /** A change: audited. */
    static Endpoint change(HttpMethod method, ApiPath path, Role role, String summary, Handler handler) {
        return new Endpoint(
                method, path, role, Audit.CHANGE, false, false, summary, List.of(), null, JSON, false, handler);
    }

    /** No login: the probes and the console's files. */
    static Endpoint open(ApiPath path, String summary, Handler handler) {
        return get(path, null, summary, handler);
    }

    Endpoint audited(Audit kind) {
        return new Endpoint(
                method, path, role, kind, engineWide, perInterface, summary, query, raw, consumes, upload, handler);
    }

    Endpoint engine() {
        return new Endpoint(
                method, path, role, audit, true, perInterface, summary, query, raw, consumes, upload, handler);
    }

    Endpoint ofInterface() {
        return new Endpoint(
                method, path, role, audit, engineWide, true, summary, query, raw, consumes, upload, handler);
    }

    Endpoint taking(String... names) {
        return new Endpoint(
                method,
                path,
                role,
                audit,
                engineWide,
                perInterface,
                summary,
                List.of(names),
                raw,
                consumes,
                upload,
                handler);
    }

    Endpoint whenRaw(Role needs, Audit kind) {
        return new Endpoint(
                method,
                path,
                role,
                audit,
                engineWide,
                perInterface,
                summary,
                query,
                new Access(needs, kind),
                consumes,
                upload,
                handler);
    }

    Endpoint consuming(String... types) {
        return new Endpoint(
                method,
                path,
                role,
                audit,
                engineWide,
                perInterface,
                summary,
                query,
                raw,
                List.of(types),
                upload,
                handler);
    }

    /** An endpoint that takes a whole file (an export to load) as its body. */
    Endpoint uploading() {
        return new Endpoint(
                method, path, role, audit, engineWide, perInterface, summary, query, raw, consumes, true, handler);
    }

    boolean open() {
        return role == null;
    }

    /** The Vert.x routes it answers on: its path, and for one interface's resource also under its interface. */
    List<ApiPath> routes() {
        return perInterface ? List.of(path.ofInterface(), path) : List.of(path);
    }
}
