package com.webptbridge.tester;

import ca.uhn.hl7v2.AcknowledgmentCode;
import com.webptbridge.hl7.AckBuilder;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.InboundMessage;
import com.webptbridge.hl7.Sentence;
import com.webptbridge.transport.FrameLimits;
import com.webptbridge.transport.InboundFrame;
import com.webptbridge.transport.MllpCodec;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * An MLLP listener that reads only the MSH and answers AA (AR when there is no MSH): no journal, no
 * database, no mapping. Same framing code as the engine, so the difference between the two is what
 * the engine does per message. The transport ceiling for benchmarks, and a stand-in peer for tests.
 */
public final class AckServer implements AutoCloseable {

    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup();
    private final Channel channel;

    private AckServer(String host, int port, io.netty.handler.ssl.SslContext tls) throws InterruptedException {
        AckBuilder acks = new AckBuilder(ZoneId.systemDefault(), Set.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1"));
        FrameLimits limits = new FrameLimits(1 << 20, Duration.ofSeconds(30));
        this.channel = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            com.webptbridge.transport.Tls.addFirst(ch.pipeline(), tls);
                        }
                        ch.pipeline()
                                .addLast(
                                        MllpCodec.decoder(limits).newChannelHandler(),
                                        MllpCodec.encoder().newChannelHandler(),
                                        new SimpleChannelInboundHandler<InboundFrame>() {
                                            private long count;

                                            @Override
                                            protected void channelRead0(ChannelHandlerContext ctx, InboundFrame frame) {
                                                InboundMessage m =
                                                        InboundMessage.read(frame.payload(), StandardCharsets.UTF_8);
                                                String ack = m.header() == null
                                                        ? acks.build(
                                                                null,
                                                                AcknowledgmentCode.AR,
                                                                List.of(Sentence.NO_MSH_SEGMENT.at(
                                                                        ErrorLocation.segment("MSH", 1))),
                                                                "S" + ++count)
                                                        : acks.build(
                                                                m.header(),
                                                                AcknowledgmentCode.AA,
                                                                List.of(),
                                                                "S" + ++count);
                                                ctx.writeAndFlush(ack.getBytes(m.charset()));
                                            }
                                        });
                    }
                })
                .bind(host, port)
                .sync()
                .channel();
    }

    public static AckServer start(String host, int port) throws InterruptedException {
        return new AckServer(host, port, null);
    }

    /** Over TLS when a context is given ({@code bridge ack-server --tls}), to compare TLS against TLS. */
    public static AckServer start(String host, int port, io.netty.handler.ssl.SslContext tls)
            throws InterruptedException {
        return new AckServer(host, port, tls);
    }

    public int port() {
        return ((java.net.InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
}
