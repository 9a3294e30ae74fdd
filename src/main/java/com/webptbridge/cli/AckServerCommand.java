package com.webptbridge.cli;

import com.webptbridge.tester.AckServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code bridge ack-server --port P}: an MLLP listener that answers AA to everything with an MSH. */
@Command(
        name = "ack-server",
        description = "Minimal MLLP listener that only reads MSH and answers AA (a transport baseline).")
final class AckServerCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "0.0.0.0", description = "Address to listen on")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "2576", description = "Port to listen on")
    int port;

    @picocli.CommandLine.Mixin
    TlsOptions tls;

    @Override
    public Integer call() throws Exception {
        io.netty.handler.ssl.SslContext context = null;
        if (tls.tls) {
            if (tls.keystore == null) {
                System.err.println("ack-server --tls needs --keystore (PKCS12 with its key and certificate)");
                return 2;
            }
            context = com.webptbridge.transport.Tls.server(
                    new com.webptbridge.transport.Tls.Store(tls.keystore, tls.keystorePassword),
                    null,
                    com.webptbridge.transport.Tls.ClientCertificates.NONE);
        }
        AckServer server = AckServer.start(host, port, context);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("ack-server listening on port " + server.port());
        stopped.await();
        return 0;
    }
}
