package com.webptbridge.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may hold an MLLP connection, per listener port: at most {@code max} open; at most
 * {@code perAddress} from one address not on the port's {@link KnownSenders}; and, on a port with
 * known senders, {@code reserved} of the {@code max} kept for them. A known sender is known by its
 * address when it connects, or by its TLS client certificate subject once the handshake is done;
 * with the strangers' share full, a TLS connection may still start a handshake in the reserved
 * share, and keeps its place only if its certificate is a known one. A connection refused is
 * closed before a byte is read, logged with the sender's address only, and counted by reason.
 * One shared instance, first in every listener's pipeline (after TLS), so that a flood of
 * connections can exhaust neither threads, memory, file descriptors nor the known senders' room.
 */
@ChannelHandler.Sharable
public final class ConnectionLimit extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);
    private static final AttributeKey<Slot> SLOT = AttributeKey.valueOf("bridge.connection-slot");

    private final int max;
    private final int reserved;
    private final int perAddress;
    private final ConnectionClosures closures;
    private final Map<Integer, Port> ports = new ConcurrentHashMap<>();

    /** The cap alone: no per-address limit, nothing reserved (tests and tools). */
    public ConnectionLimit(int max) {
        this(max, 0, max, new ConnectionClosures());
    }

    public ConnectionLimit(int max, int reserved, int perAddress, ConnectionClosures closures) {
        if (max < 1) {
            throw new IllegalArgumentException("bridge.mllp.max-connections must be at least 1, was " + max);
        }
        if (reserved < 0) {
            throw new IllegalArgumentException("bridge.mllp.reserved-connections must not be negative");
        }
        if (perAddress < 1) {
            throw new IllegalArgumentException(
                    "bridge.mllp.max-connections-per-address must be at least 1, was " + perAddress);
        }
        this.max = max;
        this.reserved = reserved;
        this.perAddress = perAddress;
        this.closures = closures;
    }

    /** The senders a port knows (replacing what it knew): an interface started or stopped there. */
    public void knownSenders(int port, KnownSenders known) {
        ports.computeIfAbsent(port, p -> new Port()).known = known;
    }

    public ConnectionClosures closures() {
        return closures;
    }

    /** How a connection holds its place. */
    private enum Kind {
        KNOWN,
        STRANGER,
        /** A TLS connection in the reserved share until its certificate says whether it is known. */
        PENDING
    }

    /** One port's counts; changed only under its own lock. */
    private static final class Port {
        volatile KnownSenders known = KnownSenders.NONE;
        int open;
        int strangers;
        final Map<InetAddress, Integer> byAddress = new HashMap<>();
    }

    private record Slot(Port port, InetAddress address, Kind kind) {}

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        Channel channel = ctx.channel();
        int localPort = port(channel.localAddress());
        Port p = ports.computeIfAbsent(localPort, k -> new Port());
        KnownSenders known = p.known;
        SocketAddress remote = channel.remoteAddress();
        InetAddress address = remote instanceof InetSocketAddress a ? a.getAddress() : null;
        boolean tlsWithSubjects = !known.subjects().isEmpty() && ctx.pipeline().get(SslHandler.class) != null;
        Kind kind;
        ConnectionClosures.Reason refusal = null;
        synchronized (p) {
            int fromAddress = p.byAddress.getOrDefault(address, 0);
            // Strangers keep at least one place, also when the cap is set below the reservation.
            int strangersShare = known.isEmpty() ? max : Math.max(1, max - reserved);
            if (known.knowsAddress(remote)) {
                kind = p.open < max ? Kind.KNOWN : null;
            } else if (fromAddress >= perAddress) {
                kind = null;
                refusal = ConnectionClosures.Reason.PER_ADDRESS;
            } else if (p.open < max && p.strangers < strangersShare) {
                kind = Kind.STRANGER;
            } else {
                kind = tlsWithSubjects && p.open < max ? Kind.PENDING : null;
            }
            if (kind != null) {
                p.open++;
                p.byAddress.merge(address, 1, Integer::sum);
                if (kind == Kind.STRANGER) {
                    p.strangers++;
                }
            }
        }
        if (kind == null) {
            refuse(ctx, refusal == null ? ConnectionClosures.Reason.CAP : refusal, localPort);
            return; // the route never learns of it
        }
        channel.attr(SLOT).set(new Slot(p, address, kind));
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        Slot slot = ctx.channel().attr(SLOT).get();
        if (evt instanceof SslHandshakeCompletionEvent done && slot != null) {
            if (!done.isSuccess()) {
                closures.closed(ConnectionClosures.Reason.HANDSHAKE);
            } else if (slot.kind() != Kind.KNOWN) {
                boolean knownSubject = slot.port().known.knowsSubject(subject(ctx));
                if (knownSubject) {
                    synchronized (slot.port()) {
                        if (slot.kind() == Kind.STRANGER) {
                            slot.port().strangers--;
                        }
                    }
                    ctx.channel().attr(SLOT).set(new Slot(slot.port(), slot.address(), Kind.KNOWN));
                } else if (slot.kind() == Kind.PENDING) {
                    refuse(
                            ctx,
                            ConnectionClosures.Reason.CAP,
                            port(ctx.channel().localAddress()));
                    return;
                }
            }
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Slot slot = ctx.channel().attr(SLOT).getAndSet(null);
        if (slot == null) {
            return; // refused: it was never announced to the rest of the pipeline
        }
        Port p = slot.port();
        synchronized (p) {
            p.open--;
            if (slot.kind() == Kind.STRANGER) {
                p.strangers--;
            }
            p.byAddress.computeIfPresent(slot.address(), (a, n) -> n == 1 ? null : n - 1);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        Slot slot = ctx.channel().attr(SLOT).get();
        if (slot == null || slot.kind() == Kind.PENDING) {
            ReferenceCountUtil.release(msg); // bytes that beat the close of a refused connection
            return;
        }
        super.channelRead(ctx, msg);
    }

    private void refuse(ChannelHandlerContext ctx, ConnectionClosures.Reason reason, int localPort) {
        closures.closed(reason);
        LOG.warn(
                "MLLP connection from {} to port {} refused: {}",
                ctx.channel().remoteAddress(),
                localPort,
                switch (reason) {
                    case PER_ADDRESS -> perAddress
                            + " connections from this address already open (bridge.mllp.max-connections-per-address)";
                    default -> "no room (bridge.mllp.max-connections " + max
                            + ", of which bridge.mllp.reserved-connections " + reserved
                            + " are kept for the port's known senders)";
                });
        ctx.close();
    }

    private static String subject(ChannelHandlerContext ctx) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        try {
            return ssl != null && ssl.engine().getSession().getPeerCertificates()[0] instanceof X509Certificate x
                    ? x.getSubjectX500Principal().getName()
                    : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** Connections open now on every listener (the bridge_mllp_connections gauge). */
    public int open() {
        int n = 0;
        for (Port p : ports.values()) {
            synchronized (p) {
                n += p.open;
            }
        }
        return n;
    }

    /** Connections open now on a listener port (for tests and diagnostics). */
    public int open(int port) {
        Port p = ports.get(port);
        if (p == null) {
            return 0;
        }
        synchronized (p) {
            return p.open;
        }
    }

    private static int port(SocketAddress address) {
        return address instanceof InetSocketAddress a ? a.getPort() : -1;
    }
}
