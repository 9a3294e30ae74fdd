package com.webptbridge.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import org.apache.camel.component.netty.ChannelHandlerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The listeners' drain for a clean stop ({@code decoders=...,#mllpGate}, after the frame decoder):
 * knows every open MLLP connection and, per connection, how many messages it has read and not yet
 * answered. {@link #drain} closes the listening sockets (a new connection is refused, so a load
 * balancer sends the sender elsewhere), closes at once each connection with nothing in flight, and
 * closes every other one right after the reply to its last message is written: a message read is
 * always answered before its connection closes, and a message not read was never journaled (the
 * sender resends it elsewhere). All state of one connection is touched only on its event loop.
 */
@ChannelHandler.Sharable
public final class ConnectionGate extends ChannelHandlerAdapter implements ChannelHandlerFactory {

    private final Set<Channel> open = ConcurrentHashMap.newKeySet();
    private final Set<Channel> servers = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;

    @Override
    public ChannelHandler newChannelHandler() {
        return new Gate();
    }

    /** Connections open now. */
    public int openConnections() {
        return open.size();
    }

    /**
     * Stops accepting, lets what is in flight be answered, closes the connections; waits at most
     * {@code limit} for them to close. True when every connection closed in time.
     */
    public boolean drain(Duration limit) throws InterruptedException {
        draining = true;
        for (Channel server : servers) {
            server.close();
        }
        for (Channel c : open) {
            c.eventLoop().execute(() -> closeWhenIdle(c));
        }
        long deadline = System.nanoTime() + limit.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return open.isEmpty();
    }

    public boolean draining() {
        return draining;
    }

    /** Closes every connection still open (after {@link #drain} timed out: a message not answered in time). */
    public void closeAll() {
        open.forEach(Channel::close);
    }

    private static void closeWhenIdle(Channel c) {
        Gate gate = c.pipeline().get(Gate.class);
        if (gate == null || gate.pending == 0) {
            c.close();
        } else {
            gate.closeAfterReply = true;
        }
    }

    /** One connection's count of messages read and not yet answered. */
    private final class Gate extends ChannelDuplexHandler {
        int pending;
        boolean closeAfterReply;

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            Channel c = ctx.channel();
            if (c.parent() != null) {
                servers.add(c.parent());
            }
            open.add(c);
            c.closeFuture().addListener(f -> open.remove(c));
            if (draining) {
                if (c.parent() != null) {
                    c.parent().close();
                }
                c.close();
                return;
            }
            super.channelActive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            pending++;
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (pending > 0) {
                pending--;
            }
            if (closeAfterReply && pending == 0) {
                ctx.write(msg, promise.unvoid()).addListener(ChannelFutureListener.CLOSE);
                ctx.flush();
                return;
            }
            super.write(ctx, msg, promise);
        }
    }
}
