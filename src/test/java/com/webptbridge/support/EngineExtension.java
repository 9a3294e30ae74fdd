package com.webptbridge.support;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import com.webptbridge.engine.BridgeEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one way a test class starts an in-process engine ({@link TestEngine}: free ports, a fresh
 * database). Registered on a static field, one engine serves the whole class; on an instance
 * field, each test gets its own. Settings are the class's own:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EngineExtension engine = EngineExtension.with("bridge.mllp.max-connections", "3");
 * ...
 * String ack = engine.exchange(Hl7Builder.adt("A08"));
 * }</pre>
 *
 * A test method may also take a {@link TestEngine} parameter. Tests about more than one engine, or
 * about a restart, start them with {@link TestEngine#start(Map)} themselves.
 */
public final class EngineExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Supplier<Map<String, String>> settings;
    private TestEngine engine;
    private boolean perClass;

    private EngineExtension(Supplier<Map<String, String>> settings) {
        this.settings = settings;
    }

    /** An engine with the test defaults. */
    public static EngineExtension start() {
        return new EngineExtension(Map::of);
    }

    /** An engine with these settings over the test defaults. */
    public static EngineExtension with(Map<String, String> settings) {
        return new EngineExtension(() -> settings);
    }

    public static EngineExtension with(String key, String value, String... more) {
        Map<String, String> s = new HashMap<>(Map.of(key, value));
        for (int i = 0; i + 1 < more.length; i += 2) {
            s.put(more[i], more[i + 1]);
        }
        if (more.length % 2 != 0) {
            throw new IllegalArgumentException("settings come in key, value pairs");
        }
        return with(s);
    }

    /** Settings known only when the engine starts (a temporary folder, a database shared with a second engine). */
    public static EngineExtension with(Supplier<Map<String, String>> settings) {
        return new EngineExtension(settings);
    }

    /** The running engine. */
    public TestEngine get() {
        if (engine == null) {
            throw new IllegalStateException("The engine starts before the first test and stops after the last");
        }
        return engine;
    }

    // The running engine's clients, so a test reads engine.connect() whichever way it got its engine.

    public int mllpPort() {
        return get().mllpPort();
    }

    public MllpClient connect() throws IOException {
        return get().connect();
    }

    public String exchange(byte[] message) throws IOException {
        return get().exchange(message);
    }

    public String exchange(Hl7Builder message) throws IOException {
        return get().exchange(message);
    }

    public Message ack(Hl7Builder message) throws IOException, HL7Exception {
        return get().ack(message);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get().get(path);
    }

    public HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return get().get(path, authorization);
    }

    public HttpResponse<String> send(String method, String path, String json, String authorization)
            throws IOException, InterruptedException {
        return get().send(method, path, json, authorization);
    }

    public HttpResponse<String> send(String method, String path, String body, String contentType, String authorization)
            throws IOException, InterruptedException {
        return get().send(method, path, body, contentType, authorization);
    }

    public String url() {
        return get().url();
    }

    public BridgeEngine engine() {
        return get().engine();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        engine = TestEngine.start(settings.get());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            engine = TestEngine.start(settings.get());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private void stop() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return get();
    }
}
