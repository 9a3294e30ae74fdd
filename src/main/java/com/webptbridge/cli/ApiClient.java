package com.webptbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The running engine's HTTP API as the command line uses it. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final String operator;
    private final String interfaceId;
    private final String authorization;
    /** How long the API has to answer /health: a wrong port (an MLLP listener) never answers HTTP. */
    static final Duration PROBE = Duration.ofSeconds(5);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private boolean reachable;

    /**
     * @param interfaceId the practice's interface every {@code /api/...} call is about, or null for the only one
     * @param authorization the Authorization header's value, or null to call without credentials
     */
    ApiClient(String url, String operator, String interfaceId, String authorization) {
        this.url = url.replaceAll("/+$", "");
        this.operator = operator;
        this.interfaceId = interfaceId;
        this.authorization = authorization;
    }

    static ApiClient of(ApiOptions options) {
        return new ApiClient(options.url, options.operator, options.interfaceId, Credentials.authorization(options));
    }

    /** {@code /api/patients/1} as one interface's resource: {@code /api/interfaces/{id}/patients/1}. */
    String scoped(String path) {
        if (interfaceId == null
                || !path.startsWith("/api/")
                || path.startsWith("/api/interfaces")
                || path.startsWith("/api/users")
                || path.startsWith("/api/access-log")
                || path.startsWith("/api/prune")) {
            return path;
        }
        return "/api/interfaces/" + interfaceId + path.substring(4);
    }

    /** An answer: HTTP status and JSON body. */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }

        String error() {
            return body.has("error") ? body.get("error").asText() : body.toString();
        }
    }

    Answer call(String method, String path, Map<String, Object> body) throws CliFailure {
        try {
            return send(method, path, "application/json", body == null ? null : JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CliFailure(1, "Cannot write the request: " + e.getMessage());
        }
    }

    /** A request whose body is of another type than JSON (a CSV export); the answer is JSON. */
    Answer send(String method, String path, String contentType, byte[] body) throws CliFailure {
        HttpResponse<String> response = exchange(method, path, contentType, body);
        try {
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new CliFailure(1, "The engine at " + url + " did not answer JSON: " + e.getMessage());
        }
    }

    /** POSTs a file as the body itself (an upload endpoint), not as JSON. */
    Answer upload(String path, byte[] file, String contentType) throws CliFailure {
        return send("POST", path, contentType, file);
    }

    /** A GET whose answer is a document rather than JSON (the Alternate ID sheet): status and text. */
    HttpResponse<String> document(String path) throws CliFailure {
        return exchange("GET", path, "application/json", null);
    }

    /** POSTs a file and takes a document (text, CSV) back: the reconciliation. */
    HttpResponse<String> document(String path, byte[] file, String contentType) throws CliFailure {
        return exchange("POST", path, contentType, file);
    }

    private HttpResponse<String> exchange(String method, String path, String contentType, byte[] body)
            throws CliFailure {
        probe();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + scoped(path)))
                    .timeout(Duration.ofMinutes(5))
                    .header("Content-Type", contentType)
                    .header("X-Operator", operator)
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                JsonNode json = JSON.readTree(response.body());
                if (response.statusCode() == 401) {
                    throw new CliFailure(
                            2,
                            "The engine at " + url + " wants a login (401): " + error(json)
                                    + " Give --user NAME (and --password), set BRIDGE_API_TOKEN, or put user=/password="
                                    + " or token= in ~/.webpt-bridge/credentials.");
                }
                throw new CliFailure(2, "The engine at " + url + " refused this account (403): " + error(json));
            }
            return response;
        } catch (ConnectException e) {
            throw new CliFailure(1, "Cannot reach the engine at " + url + ": is it running? (set --url)");
        } catch (IOException e) {
            throw new CliFailure(1, "The engine at " + url + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(1, "Interrupted");
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "--url " + url + " is not a valid URL");
        }
    }

    /**
     * Asks /health once, with a short timeout, before the real request: a request can rightly take
     * minutes (a bulk reprocess), but a --url that points at something other than the bridge's API
     * (its MLLP port, say) should fail in seconds, saying so.
     */
    private void probe() throws CliFailure {
        if (reachable) {
            return;
        }
        try {
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/health"))
                            .timeout(PROBE)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!JSON.readTree(health.body()).has("status")) {
                throw new IOException("not the bridge's API");
            }
            reachable = true;
        } catch (ConnectException e) {
            throw new CliFailure(1, "Cannot reach the engine at " + url + ": is it running? (set --url)");
        } catch (java.net.http.HttpTimeoutException e) {
            throw new CliFailure(
                    1,
                    "No HTTP answer from " + url + " within " + PROBE.toSeconds() + " s: --url must be the engine's"
                            + " HTTP API (bridge.http.port, default 8080), not its MLLP port.");
        } catch (IOException e) {
            throw new CliFailure(
                    1,
                    url + " does not answer as the bridge's HTTP API (" + e.getMessage() + "): check --url, the"
                            + " engine's bridge.http.port.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(1, "Interrupted");
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "--url " + url + " is not a valid URL");
        }
    }

    private static String error(JsonNode body) {
        return body != null && body.has("error") ? body.get("error").asText() : String.valueOf(body);
    }

    /** A failure the command reports with its exit code: 2 for a refused request, 1 for everything else. */
    static final class CliFailure extends Exception {
        final int exitCode;

        CliFailure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }
}
