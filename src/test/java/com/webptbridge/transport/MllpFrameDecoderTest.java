package com.webptbridge.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MllpFrameDecoderTest {

    private final EmbeddedChannel channel =
            new EmbeddedChannel(new MllpFrameDecoder(new FrameLimits(100, Duration.ofSeconds(30))));

    private static byte[] framed(String payload) {
        return MllpClient.frame(payload.getBytes(StandardCharsets.US_ASCII));
    }

    private void write(byte[]... parts) {
        for (byte[] p : parts) {
            channel.writeInbound(Unpooled.wrappedBuffer(p));
        }
    }

    private String next() {
        InboundFrame f = channel.readInbound();
        return f == null
                ? null
                : (f.oversize() ? "OVERSIZE:" + f.sizeBytes() : new String(f.payload(), StandardCharsets.US_ASCII));
    }

    @Test
    void emitsEveryFrameOfOneReadInOrder() {
        byte[] a = framed("ONE"), b = framed("TWO"), c = framed("THREE");
        byte[] all = new byte[a.length + b.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        System.arraycopy(c, 0, all, a.length + b.length, c.length);
        write(all);
        assertThat(next()).isEqualTo("ONE");
        assertThat(next()).isEqualTo("TWO");
        assertThat(next()).isEqualTo("THREE");
        assertThat(next()).isNull();
    }

    @Test
    void reassemblesAFrameSplitAcrossReads() {
        byte[] f = framed("MSH|split");
        for (byte b : f) {
            write(new byte[] {b});
        }
        assertThat(next()).isEqualTo("MSH|split");
    }

    @Test
    void skipsBytesOutsideFrames() {
        write(
                "noise".getBytes(StandardCharsets.US_ASCII),
                framed("A"),
                "\r\n more noise".getBytes(StandardCharsets.US_ASCII),
                framed("B"));
        assertThat(next()).isEqualTo("A");
        assertThat(next()).isEqualTo("B");
    }

    @Test
    void aStartBlockInsideAFrameAbandonsThePartialFrame() {
        write(new byte[] {0x0B, 'L', 'O', 'S', 'T'}, framed("KEPT"));
        assertThat(next()).isEqualTo("KEPT");
        assertThat(next()).isNull();
    }

    @Test
    void anOversizeFrameIsEmittedAsOversizeWithItsHeadAndTheNextFrameStillWorks() {
        String big = "MSH|" + "x".repeat(300);
        write(framed(big), framed("SMALL"));
        InboundFrame f = channel.readInbound();
        assertThat(f.oversize()).isTrue();
        assertThat(f.sizeBytes()).isEqualTo(big.length());
        assertThat(new String(f.payload(), StandardCharsets.US_ASCII)).startsWith("MSH|xxx");
        assertThat(next()).isEqualTo("SMALL");
    }

    @Test
    void anOversizeFrameArrivingInPiecesIsCountedWhole() {
        byte[] f = framed("y".repeat(250));
        for (int i = 0; i < f.length; i += 30) {
            write(java.util.Arrays.copyOfRange(f, i, Math.min(f.length, i + 30)));
        }
        assertThat(next()).isEqualTo("OVERSIZE:250");
    }

    @Test
    void aFrameThatNeverEndsClosesTheConnectionAfterTheTimeout() throws Exception {
        EmbeddedChannel slow = new EmbeddedChannel(new MllpFrameDecoder(new FrameLimits(100, Duration.ofMillis(1))));
        slow.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x0B, 'M', 'S', 'H'}));
        for (int i = 0; i < 200 && slow.isOpen(); i++) {
            Thread.sleep(5); // let the 1 ms frame timer come due, then run it
            slow.runPendingTasks();
        }
        assertThat(slow.isOpen()).isFalse();
        assertThat((Object) slow.readInbound()).isNull();
    }
}
