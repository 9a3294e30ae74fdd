package com.webptbridge.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import org.apache.camel.component.netty.ChannelHandlerFactory;

/**
 * The handler factories a netty route names ({@code decoders=#mllpConnectionLimit,#mllpFrameDecoder},
 * {@code encoders=#mllpFrameEncoder}). The decoder keeps per-connection state, so camel-netty asks
 * the factory for a new one for each connection; the connection limit is one shared counter.
 */
public final class MllpCodec {

    private MllpCodec() {}

    public static ChannelHandlerFactory decoder(FrameLimits limits) {
        return new Factory(() -> new MllpFrameDecoder(limits));
    }

    public static ChannelHandlerFactory connectionLimit(ConnectionLimit limit) {
        return new Factory(() -> limit);
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
