package io.turnstile.radius.inbound;

import io.turnstile.radius.api.NasClient;
import io.turnstile.radius.api.Transport;
import io.turnstile.radius.codec.RadiusCodec;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * RADIUS over TLS (RFC 6614) on TCP 2083. Mutual TLS 1.2/1.3: the peer's certificate must chain to a trusted CA, and
 * the application then says which RADIUS client (organisation) it is. Packets are framed by their own Length field
 * (RFC 6614 §2.1); a frame with an impossible length breaks the stream, so the connection is closed. Requests go
 * through the same work queue and processor as UDP; replies are written in whatever order they complete (RFC 6614
 * §2.5 lets the server answer out of order; the Identifier matches them).
 */
final class RadsecListener implements Work {

    private static final Logger LOG = Logger.getLogger(RadsecListener.class.getName());
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private final SSLServerSocket server;
    private final WorkManager workManager;
    private final WorkQueue queue;
    private final PacketProcessor processor;
    private final Endpoints endpoints;
    private final AdapterCounters counters;
    private final Semaphore connections;
    private final int idleTimeoutMillis;
    private volatile boolean running = true;

    RadsecListener(InetSocketAddress address, RadsecKeyMaterial keys, WorkManager workManager, WorkQueue queue,
                   PacketProcessor processor, Endpoints endpoints, AdapterCounters counters, int maxConnections,
                   int idleTimeoutMillis) throws IOException, GeneralSecurityException {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(new KeyManager[]{keys.keyManager()}, new TrustManager[]{keys.trustManager()}, new SecureRandom());
        SSLServerSocket s = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
        s.setReuseAddress(true);
        s.bind(address, 128);
        s.setNeedClientAuth(true);
        // RFC 6614 §2.3 requires TLS 1.1 or later; Turnstile accepts only 1.2 and 1.3 (RFC 8996 deprecates older ones).
        s.setEnabledProtocols(Arrays.stream(s.getSupportedProtocols())
                .filter(p -> p.equals("TLSv1.2") || p.equals("TLSv1.3")).toArray(String[]::new));
        this.server = s;
        this.workManager = workManager;
        this.queue = queue;
        this.processor = processor;
        this.endpoints = endpoints;
        this.counters = counters;
        this.connections = new Semaphore(maxConnections);
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    @Override
    public void run() {
        while (running) {
            try {
                Socket socket = server.accept();
                if (!connections.tryAcquire()) {
                    LOG.warning("RadSec connection limit reached; refusing " + socket.getRemoteSocketAddress());
                    socket.close();
                    continue;
                }
                try {
                    workManager.scheduleWork(new Connection((SSLSocket) socket));
                } catch (WorkException e) {
                    connections.release();
                    socket.close();
                    LOG.log(Level.WARNING, "no thread for a RadSec connection", e);
                }
            } catch (IOException e) {
                if (running) {
                    LOG.log(Level.WARNING, "RadSec accept failed; continuing", e);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "RadSec listener: unexpected failure; continuing", e);
            }
        }
    }

    @Override
    public void release() {
        running = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private final class Connection implements Work {
        private final SSLSocket socket;

        Connection(SSLSocket socket) {
            this.socket = socket;
        }

        @Override
        public void run() {
            InetSocketAddress peer = (InetSocketAddress) socket.getRemoteSocketAddress();
            try (socket) {
                socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
                socket.startHandshake();
                List<X509Certificate> chain = Arrays.stream(socket.getSession().getPeerCertificates())
                        .map(X509Certificate.class::cast).toList();
                NasClient client = endpoints.resolveRadsecClient(chain, peer.getAddress()).orElse(null);
                if (client == null) {
                    LOG.info(() -> "RadSec peer " + peer + " (" + chain.get(0).getSubjectX500Principal().getName()
                            + ") is no RADIUS client of any organisation; closing");
                    counters.received();
                    counters.dropped(DropReason.UNKNOWN_CLIENT);
                    return;
                }
                socket.setSoTimeout(idleTimeoutMillis);
                serve(client, peer);
            } catch (SocketTimeoutException e) {
                LOG.fine(() -> "RadSec connection from " + peer + " idle or handshake timed out");
            } catch (EOFException e) {
                LOG.fine(() -> "RadSec connection from " + peer + " closed");
            } catch (IOException e) {
                LOG.log(Level.FINE, "RadSec connection from " + peer + " failed: " + e.getMessage());
            } finally {
                connections.release();
            }
        }

        private void serve(NasClient client, InetSocketAddress peer) throws IOException {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] header = new byte[4];
            while (running) {
                in.readFully(header);
                int length = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
                if (length < RadiusCodec.MIN_LENGTH || length > RadiusCodec.MAX_LENGTH) {
                    counters.received();
                    counters.dropped(DropReason.MALFORMED);
                    LOG.fine(() -> "RadSec frame with length " + length + " from " + peer + "; closing");
                    return;
                }
                byte[] data = Arrays.copyOf(header, length);
                in.readFully(data, 4, length - 4);
                queue.submit(() -> {
                    byte[] response = processor.process(Transport.RADSEC, null, peer, data, length, client);
                    if (response != null) {
                        synchronized (out) {
                            try {
                                out.write(response);
                                out.flush();
                            } catch (IOException e) {
                                LOG.fine(() -> "RadSec write to " + peer + " failed: " + e.getMessage());
                            }
                        }
                    }
                });
            }
        }

        @Override
        public void release() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
