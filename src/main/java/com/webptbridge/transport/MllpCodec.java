package com.webptbridge.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import org.apache.camel.component.netty.ChannelHandlerFactory;

/**
 * The handler factories a netty route names ({@code decoders=#mllpConnectionLimit,#mllpFrameDecoder,#mllpIdle},
 * {@code encoders=#mllpFrameEncoder}). The decoder and the idle limit keep per-connection state, so
 * camel-netty asks the factory for a new one for each connection; the connection limit is one shared counter.
 */
public final class MllpCodec {

    private MllpCodec() {}

    public static ChannelHandlerFactory decoder(FrameLimits limits) {
        return new Factory(() -> new MllpFrameDecoder(limits));
    }

    public static ChannelHandlerFactory connectionLimit(ConnectionLimit limit) {
        return new Factory(() -> limit);
    }

    /** Closes a connection with no frame for {@code idle} (none in flight); counted in {@code closures}. */
    public static ChannelHandlerFactory idleLimit(java.time.Duration idle, ConnectionClosures closures) {
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("bridge.mllp.idle-timeout-seconds must be at least 1");
        }
        return new Factory(() -> new IdleLimit(idle, closures));
    }

    public static ChannelHandlerFactory encoder() {
        MllpFrameEncoder shared = new MllpFrameEncoder();
        return new Factory(() -> shared);
    }

    @ChannelHandler.Sharable
    private static final class Factory extends ChannelHandlerAdapter implements ChannelHandlerFactory {
        private final java.util.function.Supplier<ChannelHandler> supplier;

        Factory(java.util.function.Supplier<ChannelHandler> supplier) {
            this.supplier = supplier;
        }

        @Override
        public ChannelHandler newChannelHandler() {
            return supplier.get();
        }
    }
}
