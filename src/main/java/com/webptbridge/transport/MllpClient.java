package com.webptbridge.transport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * A blocking MLLP client: frames what it sends and reads one framed answer at a time. Every read
 * is bounded by the timeout ({@link java.net.SocketTimeoutException}) and a connection closed by
 * the peer is an {@link EOFException}, so a caller never hangs.
 */
public final class MllpClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private MllpClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    public static MllpClient connect(String host, int port, Duration timeout) throws IOException {
        return connect(host, port, timeout, null);
    }

    /**
     * A connection, over TLS (1.2 or 1.3, the server's certificate checked against the host name)
     * when a context is given ({@link Tls#client}).
     */
    public static MllpClient connect(String host, int port, Duration timeout, SSLContext tls) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            if (tls == null) {
                return new MllpClient(socket);
            }
            SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket, host, port, true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setProtocols(Tls.PROTOCOLS.toArray(String[]::new));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            secure.startHandshake();
            return new MllpClient(secure);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Frames and writes one message. */
    public void send(byte[] payload) throws IOException {
        out.write(frame(payload));
        out.flush();
    }

    /** Writes bytes exactly as given (for tests and tools that send several frames, or none, at once). */
    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads the next framed message's payload. */
    public byte[] receive() throws IOException {
        int b;
        while ((b = in.read()) != MllpFrameDecoder.START_BLOCK) {
            if (b < 0) {
                throw new EOFException("The connection was closed before an answer arrived");
            }
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream(256);
        while ((b = in.read()) != MllpFrameDecoder.END_BLOCK) {
            if (b < 0) {
                throw new EOFException("The connection was closed in the middle of an answer");
            }
            payload.write(b);
        }
        in.read(); // the carriage return that ends the frame
        return payload.toByteArray();
    }

    /** Reads the next answer, waiting at most {@code wait} for it (then the connection's own timeout again). */
    public byte[] receive(Duration wait) throws IOException {
        int before = socket.getSoTimeout();
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
        try {
            return receive();
        } finally {
            socket.setSoTimeout(before);
        }
    }

    public byte[] exchange(byte[] payload) throws IOException {
        send(payload);
        return receive();
    }

    /** The bytes of one MLLP frame around a payload. */
    public static byte[] frame(byte[] payload) {
        byte[] framed = new byte[payload.length + 3];
        framed[0] = MllpFrameDecoder.START_BLOCK;
        System.arraycopy(payload, 0, framed, 1, payload.length);
        framed[framed.length - 2] = MllpFrameDecoder.END_BLOCK;
        framed[framed.length - 1] = MllpFrameDecoder.CARRIAGE_RETURN;
        return framed;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
