package com.webptbridge.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code max} open connections per MLLP listener (per local port): one more is closed as
 * soon as it opens, before a byte is read, and the refusal is logged with the sender's address
 * only. Connections already open are not touched. One shared instance, first in every listener's
 * pipeline, so that a flood of connections cannot exhaust threads, memory or file descriptors.
 */
@ChannelHandler.Sharable
public final class ConnectionLimit extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);
    private static final AttributeKey<AtomicInteger> COUNTED = AttributeKey.valueOf("bridge.connection-counted");

    private final int max;
    private final Map<Integer, AtomicInteger> openByPort = new ConcurrentHashMap<>();

    public ConnectionLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("bridge.mllp.max-connections must be at least 1, was " + max);
        }
        this.max = max;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        Channel channel = ctx.channel();
        AtomicInteger open = openByPort.computeIfAbsent(port(channel.localAddress()), p -> new AtomicInteger());
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            LOG.warn(
                    "MLLP connection from {} to port {} refused: {} connections already open"
                            + " (bridge.mllp.max-connections)",
                    channel.remoteAddress(),
                    port(channel.localAddress()),
                    max);
            ctx.close();
            return; // the route never learns of it
        }
        channel.attr(COUNTED).set(open);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        AtomicInteger open = ctx.channel().attr(COUNTED).getAndSet(null);
        if (open == null) {
            return; // refused: it was never announced to the rest of the pipeline
        }
        open.decrementAndGet();
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (ctx.channel().attr(COUNTED).get() == null) {
            ReferenceCountUtil.release(msg); // bytes that beat the close of a refused connection
            return;
        }
        super.channelRead(ctx, msg);
    }

    /** Connections open now on every listener (the bridge_mllp_connections gauge). */
    public int open() {
        return openByPort.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Connections open now on a listener port (for tests and diagnostics). */
    public int open(int port) {
        AtomicInteger open = openByPort.get(port);
        return open == null ? 0 : open.get();
    }

    private static int port(SocketAddress address) {
        return address instanceof InetSocketAddress a ? a.getPort() : -1;
    }
}
