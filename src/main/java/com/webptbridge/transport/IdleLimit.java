package com.webptbridge.transport;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes an MLLP connection that has sent no frame for {@code idle} and is owed no answer
 * ({@code decoders=...,#mllpFrameDecoder,#mllpIdle,...}: it sees whole frames only, so bytes that
 * never make a frame do not keep a connection alive). A connection waiting for its ACK is never
 * closed by it; the clock restarts when the answer is written. One per connection; its state is
 * touched only on the connection's event loop.
 */
final class IdleLimit extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IdleLimit.class);

    private final long idleNanos;
    private final ConnectionClosures closures;
    private long lastFrame;
    private int pending;
    private ScheduledFuture<?> check;

    IdleLimit(Duration idle, ConnectionClosures closures) {
        this.idleNanos = idle.toNanos();
        this.closures = closures;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        lastFrame = System.nanoTime();
        schedule(ctx, idleNanos);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        pending++;
        lastFrame = System.nanoTime();
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (pending > 0) {
            pending--;
        }
        lastFrame = System.nanoTime();
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (check != null) {
            check.cancel(false);
        }
        super.channelInactive(ctx);
    }

    private void schedule(ChannelHandlerContext ctx, long delayNanos) {
        check = ctx.executor().schedule(() -> expire(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        long quiet = System.nanoTime() - lastFrame;
        if (pending > 0 || quiet < idleNanos) {
            schedule(ctx, pending > 0 ? idleNanos : idleNanos - quiet);
            return;
        }
        closures.closed(ConnectionClosures.Reason.IDLE);
        LOG.info(
                "MLLP connection from {} closed: no message for {}s (bridge.mllp.idle-timeout-seconds)",
                ctx.channel().remoteAddress(),
                TimeUnit.NANOSECONDS.toSeconds(idleNanos));
        ctx.close();
    }
}
