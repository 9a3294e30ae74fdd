package com.webptbridge.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Wraps each reply's bytes in an MLLP frame. Stateless, so one instance serves every connection. */
@Sharable
final class MllpFrameEncoder extends MessageToByteEncoder<byte[]> {

    @Override
    protected void encode(ChannelHandlerContext ctx, byte[] payload, ByteBuf out) {
        out.writeByte(MllpFrameDecoder.START_BLOCK);
        out.writeBytes(payload);
        out.writeByte(MllpFrameDecoder.END_BLOCK);
        out.writeByte(MllpFrameDecoder.CARRIAGE_RETURN);
    }
}
