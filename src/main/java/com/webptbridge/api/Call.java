package com.webptbridge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.interfaces.RunningInterface;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/**
 * One allowed request as a handler sees it: its path parameters (from the Vert.x route), query,
 * body, who sends it and, for one interface's resource, that interface.
 */
final class Call {

    /** The longest X-Operator name the audit trail takes. */
    static final int MAX_OPERATOR = 100; // the audit column's width (V3 migration)

    /** Who is logged in, asked only when an open endpoint wants to know (GET /health). */
    @FunctionalInterface
    interface Login {
        Authenticator.Principal principal() throws Exception;
    }

    private final RoutingContext ctx;
    private final Map<String, String> query;
    private final Map<String, String> params;
    private final Authenticator.Principal principal;
    private final RunningInterface practice;
    private final Login login;
    private final ObjectMapper json;

    Call(
            RoutingContext ctx,
            Map<String, String> params,
            Map<String, String> query,
            Authenticator.Principal principal,
            RunningInterface practice,
            Login login,
            ObjectMapper json) {
        this.ctx = ctx;
        this.query = query;
        this.params = params;
        this.principal = principal;
        this.practice = practice;
        this.login = login;
        this.json = json;
    }

    /** A path parameter, percent-decoded once ({@link ApiPath#values}); what the access log records. */
    String param(String name) {
        return params.get(name);
    }

    /** A query parameter (the first when repeated), or null. */
    String query(String name) {
        return query.get(name);
    }

    /** The logged-in account (null on an open endpoint). */
    Authenticator.Principal principal() {
        return principal;
    }

    /** The interface a per-interface endpoint is about. */
    RunningInterface practice() {
        return practice;
    }

    /** The request body as a JSON object, its fields read by type; empty when there is none, 400 when it is not one. */
    Body body() {
        return new Body(Answers.jsonObject(bytes(), json));
    }

    byte[] bytes() {
        return ctx.body() == null || ctx.body().buffer() == null
                ? new byte[0]
                : ctx.body().buffer().getBytes();
    }

    String header(String name) {
        return ctx.request().getHeader(name);
    }

    /** The request itself (the console's session reads its cookie). */
    io.vertx.core.http.HttpServerRequest request() {
        return ctx.request();
    }

    /** A header of the answer, e.g. Set-Cookie. */
    void answerHeader(String name, String value) {
        ctx.response().putHeader(name, value);
    }

    /** Delays the answer by this long (a refused login), on a timer rather than a sleeping worker thread. */
    void delayAnswer(long ms) {
        ctx.put(DELAY, ms);
    }

    /** The delay asked for by {@link #delayAnswer}, or 0. */
    static long delay(RoutingContext ctx) {
        Long ms = ctx.get(DELAY);
        return ms == null ? 0 : ms;
    }

    private static final String DELAY = "bridge.answer-delay-ms";

    ObjectMapper json() {
        return json;
    }

    /** Where {@link #patientRead} leaves the patient ID for the access log. */
    static final String PATIENT_READ = "bridge.patient-read";

    /**
     * The patient whose stored data the answer shows, for the access log, when it is not the
     * path's {@code :patientId} (a dry run reads the patient its message names).
     */
    void patientRead(String patientId) {
        ctx.put(PATIENT_READ, patientId);
    }

    /** Who makes a reference change in its audit trail: X-Operator, else the account. */
    String operator() {
        String operator = header("X-Operator");
        if (operator != null && operator.length() > MAX_OPERATOR) {
            throw new ApiException(
                    400,
                    "The X-Operator header is " + operator.length() + " characters; send at most " + MAX_OPERATOR
                            + ".");
        }
        return operator == null || operator.isBlank() ? principal.name() : operator;
    }

    /**
     * Who makes a lifecycle change in its audit trail: the logged-in account (it holds the admin
     * role), with the X-Operator name beside it when that differs, e.g. {@code admin (jo)}.
     */
    String accountAndOperator() {
        String operator = operator();
        return operator.equals(principal.name())
                ? operator
                : com.webptbridge.store.Storable.text(principal.name() + " (" + operator + ")", MAX_OPERATOR);
    }

    /** Whether the caller may see this interface: an account limited to others may not (an open endpoint: no one logged in). */
    boolean mayUse(String interfaceId) {
        return principal == null || principal.mayUse(interfaceId);
    }

    /** Whether the caller logged in (an open endpoint may show a logged-in caller more). */
    boolean loggedIn() throws Exception {
        return principal != null || login.principal() != null;
    }
}
