package com.webptbridge.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Splits a TCP stream into MLLP frames ({@code <VT> payload <FS><CR>}). Every complete frame in a
 * read is emitted, in order, so pipelined messages are all answered. Bytes outside a frame are
 * skipped (and counted in the log, never shown); a start block inside an unfinished frame abandons
 * that frame; a frame beyond the size limit is read to its end and emitted as oversize, with only its
 * head kept; a frame not finished within the timeout is dropped and the connection closed.
 * One instance per connection.
 */
final class MllpFrameDecoder extends ByteToMessageDecoder {

    static final byte START_BLOCK = 0x0B;
    static final byte END_BLOCK = 0x1C;
    static final byte CARRIAGE_RETURN = 0x0D;

    private static final Logger LOG = LoggerFactory.getLogger(MllpFrameDecoder.class);

    private final FrameLimits limits;
    private boolean inFrame;
    private int scanned; // bytes of the current frame already searched for an end block
    private boolean discarding; // the current frame passed the limit: skipping to its end
    private byte[] oversizeHead;
    private int oversizeBytes;
    private boolean skipCarriageReturn;
    private ScheduledFuture<?> frameTimer;

    MllpFrameDecoder(FrameLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (!inFrame) {
                if (!startFrame(ctx, in)) {
                    return;
                }
            }
            int from = in.readerIndex() + scanned;
            int end = in.indexOf(from, in.writerIndex(), END_BLOCK);
            int nextStart = in.indexOf(from, end < 0 ? in.writerIndex() : end, START_BLOCK);
            if (nextStart >= 0) {
                LOG.warn(
                        "MLLP frame from {} abandoned by the sender (a new start block arrived before its end);"
                                + " {} bytes dropped",
                        remote(ctx),
                        nextStart - in.readerIndex() + oversizeBytes);
                in.readerIndex(nextStart);
                resetFrame();
                continue;
            }
            if (end < 0) {
                scanned = in.readableBytes();
                if (discarding || scanned > limits.maxFrameBytes()) {
                    discard(in, in.readableBytes());
                }
                return;
            }
            int length = end - in.readerIndex();
            if (discarding || length > limits.maxFrameBytes()) {
                discard(in, length);
                out.add(new InboundFrame(
                        oversizeHead, oversizeBytes, true, remote(ctx), Tls.clientSubject(ctx.pipeline())));
            } else {
                byte[] payload = new byte[length];
                in.readBytes(payload);
                out.add(new InboundFrame(payload, length, false, remote(ctx), Tls.clientSubject(ctx.pipeline())));
            }
            in.skipBytes(1); // the end block
            resetFrame();
            skipCarriageReturn = true;
        }
    }

    /** Moves to the next start block; false when the buffer holds none. */
    private boolean startFrame(ChannelHandlerContext ctx, ByteBuf in) {
        if (skipCarriageReturn && in.getByte(in.readerIndex()) == CARRIAGE_RETURN) {
            in.skipBytes(1);
        }
        skipCarriageReturn = false;
        int start = in.indexOf(in.readerIndex(), in.writerIndex(), START_BLOCK);
        int garbage = (start < 0 ? in.writerIndex() : start) - in.readerIndex();
        if (garbage > 0) {
            LOG.warn("Skipped {} bytes outside MLLP framing from {}", garbage, remote(ctx));
            in.skipBytes(garbage);
        }
        if (start < 0) {
            return false;
        }
        in.skipBytes(1);
        inFrame = true;
        scanned = 0;
        frameTimer = ctx.executor()
                .schedule(() -> timeOut(ctx), limits.frameTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    /** Keeps the head of an oversize frame and drops the rest of what has arrived. */
    private void discard(ByteBuf in, int length) {
        if (!discarding) {
            discarding = true;
            oversizeHead = new byte[Math.min(FrameLimits.OVERSIZE_HEAD_BYTES, length)];
            in.getBytes(in.readerIndex(), oversizeHead);
        }
        oversizeBytes += length;
        in.skipBytes(length);
        scanned = 0;
    }

    private void timeOut(ChannelHandlerContext ctx) {
        if (inFrame) {
            LOG.warn(
                    "MLLP frame from {} not finished within {} ms: partial frame dropped, connection closed",
                    remote(ctx),
                    limits.frameTimeout().toMillis());
            resetFrame();
            ctx.close();
        }
    }

    private void resetFrame() {
        inFrame = false;
        scanned = 0;
        discarding = false;
        oversizeHead = null;
        oversizeBytes = 0;
        if (frameTimer != null) {
            frameTimer.cancel(false);
            frameTimer = null;
        }
    }

    /** The connection closed: what is left is an unfinished frame, dropped (the sender resends). */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (inFrame) {
            LOG.warn(
                    "MLLP connection from {} closed in the middle of a frame; {} bytes dropped",
                    remote(ctx),
                    in.readableBytes() + oversizeBytes);
        }
        in.skipBytes(in.readableBytes());
        resetFrame();
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        resetFrame();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Connection resets are routine for MLLP senders; the message text of a cause is never logged.
        LOG.debug(
                "MLLP connection from {} failed: {}",
                remote(ctx),
                cause.getClass().getSimpleName());
        ctx.close();
    }

    private static String remote(ChannelHandlerContext ctx) {
        return String.valueOf(ctx.channel().remoteAddress());
    }
}
