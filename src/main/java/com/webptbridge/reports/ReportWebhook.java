package com.webptbridge.reports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Posts a daily report's summary to an interface's webhook: a JSON POST, tried again after each
 * pause of the back-off while it fails (no answer, or a status other than 2xx), each try bounded by
 * the timeout. The log and the recorded error name the receiver's host only: the address's path or
 * query may hold the receiver's secret.
 */
public final class ReportWebhook {

    private static final Logger LOG = LoggerFactory.getLogger(ReportWebhook.class);

    /** How a delivery ended: ok, or the last try's error; how many tries it took. */
    public record Delivery(boolean ok, int attempts, String error) {}

    private final HttpClient client;
    private final List<Duration> backoff;
    private final Duration timeout;

    /** @param backoff the pauses before the second, third, ... try (tries: one more than pauses) */
    public ReportWebhook(List<Duration> backoff, Duration timeout) {
        this.backoff = List.copyOf(backoff);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Delivery post(String interfaceId, URI uri, byte[] json) throws InterruptedException {
        String host = uri.getHost();
        String error = null;
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                HttpResponse<Void> r = client.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(timeout)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    LOG.info(
                            "Daily report of interface {} delivered to webhook host {} (try {})",
                            interfaceId,
                            host,
                            attempt);
                    return new Delivery(true, attempt, null);
                }
                error = "HTTP " + r.statusCode() + " from " + host;
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + " reaching " + host;
            }
            if (attempt > backoff.size()) {
                LOG.warn(
                        "Daily report of interface {} not delivered to webhook host {} after {} tries: {}",
                        interfaceId,
                        host,
                        attempt,
                        error);
                return new Delivery(false, attempt, error);
            }
            Duration pause = backoff.get(attempt - 1);
            LOG.info(
                    "Webhook host {} of interface {} failed try {} ({}); next in {} ms",
                    host,
                    interfaceId,
                    attempt,
                    error,
                    pause.toMillis());
            Thread.sleep(pause.toMillis());
        }
    }
}
