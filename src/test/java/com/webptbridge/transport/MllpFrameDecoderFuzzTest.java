package com.webptbridge.transport;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the MLLP frame reader with arbitrary byte streams cut into arbitrary reads. Whatever
 * arrives, the decoder never throws, never emits a payload above the limit or holding a block
 * character, and emits the same frames however TCP happened to split the stream (a sender's frames
 * must not depend on packet boundaries). Seeds: src/test/resources/.../MllpFrameDecoderFuzzTestInputs.
 */
class MllpFrameDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void framesDoNotDependOnHowTheStreamIsSplit(FuzzedDataProvider data) {
        int limit = data.consumeInt(64, 512);
        int[] cuts = new int[data.consumeInt(0, 16)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = data.consumeInt(0, 1 << 16);
        }
        byte[] stream = data.consumeRemainingAsBytes();

        List<String> whole = decode(limit, List.of(stream));
        List<String> split = decode(limit, pieces(stream, cuts));
        assertThat(split).as("frames read in pieces").isEqualTo(whole);
    }

    /** The frames a fresh connection emits for these reads, each as a comparable description. */
    private static List<String> decode(int limit, List<byte[]> reads) {
        EmbeddedChannel channel =
                new EmbeddedChannel(new MllpFrameDecoder(new FrameLimits(limit, Duration.ofSeconds(30))));
        for (byte[] read : reads) {
            channel.writeInbound(Unpooled.wrappedBuffer(read));
        }
        channel.finish();
        channel.checkException();
        List<String> frames = new ArrayList<>();
        for (Object o; (o = channel.readInbound()) != null; ) {
            InboundFrame f = (InboundFrame) o;
            if (f.oversize()) {
                assertThat(f.sizeBytes()).isGreaterThan(limit);
                assertThat(f.payload().length).isLessThanOrEqualTo(FrameLimits.OVERSIZE_HEAD_BYTES);
                frames.add("oversize:" + f.sizeBytes());
            } else {
                assertThat(f.payload().length).isEqualTo(f.sizeBytes()).isLessThanOrEqualTo(limit);
                for (byte b : f.payload()) {
                    assertThat(b).isNotEqualTo(MllpFrameDecoder.START_BLOCK).isNotEqualTo(MllpFrameDecoder.END_BLOCK);
                }
                frames.add("frame:" + Arrays.toString(f.payload()));
            }
        }
        return frames;
    }

    private static List<byte[]> pieces(byte[] stream, int[] cuts) {
        int[] at = Arrays.stream(cuts)
                .map(c -> stream.length == 0 ? 0 : c % (stream.length + 1))
                .sorted()
                .toArray();
        List<byte[]> out = new ArrayList<>();
        int from = 0;
        for (int to : at) {
            out.add(Arrays.copyOfRange(stream, from, to));
            from = to;
        }
        out.add(Arrays.copyOfRange(stream, from, stream.length));
        return out;
    }
}
