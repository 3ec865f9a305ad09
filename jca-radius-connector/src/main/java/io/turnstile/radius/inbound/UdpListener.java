package io.turnstile.radius.inbound;

import io.turnstile.radius.api.Transport;
import io.turnstile.radius.codec.RadiusCodec;
import jakarta.resource.spi.work.Work;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads datagrams from one UDP port (authentication 1812 or accounting 1813, RFC 2865 §3 / RFC 2866 §3) and hands
 * each to the work queue. The reader itself never parses beyond the length check and never dies on bad input.
 */
final class UdpListener implements Work {

    private static final Logger LOG = Logger.getLogger(UdpListener.class.getName());

    private final String service;
    private final DatagramSocket socket;
    private final WorkQueue queue;
    private final PacketProcessor processor;
    private final AdapterCounters counters;
    private volatile boolean running = true;

    UdpListener(String service, InetSocketAddress address, int receiveBufferBytes, WorkQueue queue,
                PacketProcessor processor, AdapterCounters counters) throws SocketException {
        this.service = service;
        this.queue = queue;
        this.processor = processor;
        this.counters = counters;
        DatagramSocket s = new DatagramSocket(null);
        s.setReuseAddress(true);
        // A burst of a few hundred requests overflows the default ~200 KiB buffer: size it for bursts.
        s.setReceiveBufferSize(receiveBufferBytes);
        s.bind(address);
        int effective = s.getReceiveBufferSize();
        if (effective < receiveBufferBytes) {
            // Linux caps SO_RCVBUF at net.core.rmem_max (about 208 KiB by default).
            LOG.warning(() -> "UDP " + service + " receive buffer is " + effective + " bytes, not the " + receiveBufferBytes
                    + " asked for; raise net.core.rmem_max (sysctl) for bursts of requests");
        }
        this.socket = s;
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void run() {
        // One byte more than the maximum, to tell an oversize datagram from a maximal one.
        byte[] buffer = new byte[RadiusCodec.MAX_LENGTH + 1];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (running) {
            try {
                datagram.setLength(buffer.length);
                socket.receive(datagram);
                int length = datagram.getLength();
                InetSocketAddress source = (InetSocketAddress) datagram.getSocketAddress();
                if (length < RadiusCodec.MIN_LENGTH || length > RadiusCodec.MAX_LENGTH) {
                    // RFC 2865 §3: shorter than the minimum is silently discarded; larger than 4096 is not RADIUS.
                    counters.received();
                    counters.dropped(DropReason.MALFORMED);
                    continue;
                }
                byte[] data = Arrays.copyOf(buffer, length);
                queue.submit(() -> answer(source, data));
            } catch (IOException e) {
                if (running) {
                    LOG.log(Level.WARNING, "UDP " + service + " receive failed; continuing", e);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "UDP " + service + " listener: unexpected failure; continuing", e);
            }
        }
    }

    private void answer(InetSocketAddress source, byte[] data) {
        byte[] response = processor.process(Transport.UDP, service, source, data, data.length, null);
        if (response != null) {
            try {
                socket.send(new DatagramPacket(response, response.length, source));
            } catch (IOException e) {
                LOG.log(Level.FINE, "UDP send to " + source + " failed", e);
            }
        }
    }

    @Override
    public void release() {
        running = false;
        socket.close();
    }
}
