package nl.koers.platform.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * mongo-java-server's wire protocol on a Unix domain socket instead of TCP: the same pipeline its
 * {@code MongoServer} builds, on Netty's NIO domain-socket channel (JDK 16+, no native library). A socket file in
 * an owner-only folder cannot be reached by other users' processes, while any process could connect to a TCP
 * port on 127.0.0.1.
 */
final class DomainSocketMongoServer {
    private final MongoBackend backend;
    private final EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("mongo-server-boss", true));
    private final EventLoopGroup workers = new NioEventLoopGroup(0, new DefaultThreadFactory("mongo-server-worker", true));
    private final ChannelGroup clients = new DefaultChannelGroup("mongodb-channels", workers.next());
    private final Channel listener;

    DomainSocketMongoServer(MongoBackend backend, Path socket) {
        this.backend = backend;
        this.listener = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerDomainSocketChannel.class)
                .localAddress(UnixDomainSocketAddress.of(socket))
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new MongoWireReplyEncoder(), new MongoWireMessageEncoder(),
                                new MongoWireProtocolHandler(), new MongoDatabaseHandler(backend, clients),
                                new MongoExceptionHandler());
                    }
                })
                .bind().syncUninterruptibly().channel();
    }

    /** Stops accepting, disconnects the clients and stops the threads; the backend stays open. */
    void stop() {
        listener.close().syncUninterruptibly();
        clients.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    MongoBackend backend() {
        return backend;
    }
}
