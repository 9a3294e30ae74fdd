package com.webptbridge.cli;

import com.webptbridge.engine.BridgeEngine;
import com.webptbridge.engine.LogFormat;
import com.webptbridge.engine.Settings;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Runs the engine until SIGTERM/SIGINT, then stops it cleanly (in-flight messages finish first). */
@Command(name = "run", description = "Start the engine: MLLP listener, HTTP API, database.")
final class RunCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        BridgeEngine engine;
        try {
            Settings settings = Settings.load();
            LogFormat.apply(settings);
            engine = BridgeEngine.start(settings);
        } catch (IllegalStateException e) {
            System.err.println("Cannot start: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            engine.close();
                            stopped.countDown();
                        },
                        "bridge-shutdown"));
        stopped.await();
        return 0;
    }
}
