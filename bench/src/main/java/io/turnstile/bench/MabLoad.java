package io.turnstile.bench;

import io.turnstile.radius.codec.RadiusCodec;
import io.turnstile.radius.codec.Rfc2865;
import io.turnstile.radius.codec.Rfc2868;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * MAB load generator over UDP RADIUS.
 *
 * <p>Keeps up to {@code --concurrency} Access-Requests outstanding over one or more connected, non-blocking
 * {@link DatagramChannel}s, each with its own 256 identifiers; a reply is matched by (socket, identifier) and accepted
 * only if its Response Authenticator (and Message-Authenticator, if present) verifies against the request it answers.
 * No retransmission: a request without a reply after {@code --timeout} is a timeout and its identifier is reused.
 *
 * <ul>
 *   <li>{@code --rate 0} (default): closed loop. One thread receives and immediately sends a new request for every
 *       reply, so exactly {@code concurrency} requests are in flight. Latency is measured from the actual send.</li>
 *   <li>{@code --rate R}: open loop. A sender thread paces requests at R/s (at most {@code concurrency} in flight) and
 *       a receive thread blocks in a selector. Latency is measured from the <em>scheduled</em> send time, so a client
 *       or server that falls behind shows in the latency instead of being hidden (no coordinated omission).</li>
 * </ul>
 * Warm-up requests are sent and answered but not counted. With {@code --server-pid}, the server's CPU time
 * (utime+stime from /proc/PID/stat, all threads) and RSS are sampled at the start and end of the measured window, and
 * the CPU time is divided by the replies received in that window.
 *
 * <p>The JSON result goes to stdout (and {@code --out}); progress and errors go to stderr.
 */
public final class MabLoad {

    private static final int MAX_PACKET = 4096;

    private final BenchArgs a;
    private final byte[] secret;
    private final MabRequestEncoder encoder;
    private final DatagramChannel[] channels;
    private final ByteBuffer[] receiveBuffers;
    private final Selector selector;
    private final int nSock;
    private final boolean closedLoop;

    // Per (socket, identifier) slot, index = socket * 256 + identifier. Written by the sender before the
    // volatile inFlight.set(slot, 1) that publishes them; read by the receiver after it sees 1.
    private final long[] sentAt;
    private final long[] sentActual;
    private final byte[][] requestAuth;
    private final int[] macOf;
    private final boolean[] measured;
    private final AtomicIntegerArray inFlight;
    private final IdRing[] free;
    private final AtomicInteger outstanding = new AtomicInteger();

    private final long start;
    private final long measureStart;
    private final long measureEnd;
    private volatile boolean stopSending;
    private volatile boolean stopAll;

    // Sender-owned.
    private final SplittableRandom random;
    private int nextSocket;
    private long sentMeasured;
    private long sendErrors;
    private volatile long sentTotal;
    private long lateSends;          // open loop: sends more than 1 ms behind schedule
    private final Histogram sendLagMicros = new Histogram(10_000_000L, 2);
    private final int soRcvBuf;

    // Receiver-owned.
    private final Histogram latencyMicros = new Histogram(10_000_000L, 3);
    private final Histogram serviceMicros = new Histogram(10_000_000L, 3);   // from the actual send
    private long accepts;
    private long rejects;
    private long challenges;
    private long otherCodes;
    private long timeouts;
    private long warmupTimeouts;
    private long lateReplies;
    private long badAuthenticator;
    private long badMessageAuthenticator;
    private long malformed;
    private long vlanMismatch;
    private long portUnreachable;
    private volatile long answeredTotal;

    MabLoad(BenchArgs a) throws IOException {
        this.a = a;
        this.secret = a.secret.getBytes(StandardCharsets.UTF_8);
        this.encoder = new MabRequestEncoder(a.macs, secret);
        this.nSock = a.sockets;
        this.closedLoop = a.rate == 0;
        this.random = new SplittableRandom(a.seed);
        InetAddress host = InetAddress.getByName(a.host);
        if (!host.isLoopbackAddress()) {
            throw new IllegalArgumentException("refusing to send load to " + host + ": only loopback targets are allowed");
        }
        InetSocketAddress target = new InetSocketAddress(host, a.port);
        selector = Selector.open();
        channels = new DatagramChannel[nSock];
        receiveBuffers = new ByteBuffer[nSock];
        free = new IdRing[nSock];
        for (int s = 0; s < nSock; s++) {
            DatagramChannel ch = DatagramChannel.open();
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 8 << 20);
            ch.setOption(StandardSocketOptions.SO_SNDBUF, 8 << 20);
            ch.bind(new InetSocketAddress(host, 0));
            ch.connect(target);
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ, s);
            channels[s] = ch;
            receiveBuffers[s] = ByteBuffer.allocate(MAX_PACKET);
            free[s] = new IdRing();
        }
        soRcvBuf = channels[0].getOption(StandardSocketOptions.SO_RCVBUF);
        int slots = nSock * 256;
        sentAt = new long[slots];
        sentActual = new long[slots];
        requestAuth = new byte[slots][16];
        macOf = new int[slots];
        measured = new boolean[slots];
        inFlight = new AtomicIntegerArray(slots);
        start = System.nanoTime();
        measureStart = start + a.warmupNanos;
        measureEnd = measureStart + a.durationNanos;
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs a;
        try {
            a = BenchArgs.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("mabload: " + e.getMessage());
            System.err.print(BenchArgs.USAGE);
            System.exit(2);
            return;
        }
        String json = new MabLoad(a).run();
        System.out.println(json);
        if (a.out != null) {
            Files.writeString(Path.of(a.out), json + "\n");
        }
    }

    /** Runs the load as configured and returns the JSON result. */
    String run() throws Exception {
        Thread receiver = new Thread(this::receiveLoop, "mabload-receive");
        Thread sender = closedLoop ? null : new Thread(this::paceLoop, "mabload-send");
        receiver.start();
        if (sender != null) {
            sender.start();
        }
        String pid = a.serverPid > 0 ? Long.toString(a.serverPid) : null;

        sleepUntil(measureStart);
        long t0 = System.nanoTime();
        ProcStat server0 = pid == null ? null : ProcStat.read(pid);
        ProcStat self0 = ProcStat.read("self");
        long[] machine0 = ProcStat.machineTicks();
        long answered0 = answeredTotal;
        long sent0 = sentTotal;

        sleepUntil(measureEnd);
        if (sender != null) {
            sender.join();        // it stops by itself once every request scheduled before the end is sent
        } else {
            while (!stopSending && receiver.isAlive()) { // the receive thread stops refilling at the end
                Thread.sleep(1);
            }
        }
        stopSending = true;
        long drainDeadline = System.nanoTime() + a.timeoutNanos + 200_000_000L;
        while (outstanding.get() > 0 && System.nanoTime() < drainDeadline) {
            Thread.sleep(1);
        }
        long t1 = System.nanoTime();
        ProcStat server1 = pid == null ? null : ProcStat.read(pid);
        ProcStat self1 = ProcStat.read("self");
        long[] machine1 = ProcStat.machineTicks();
        long answered1 = answeredTotal;
        long sent1 = sentTotal;
        stopAll = true;
        selector.wakeup();
        receiver.join();
        for (DatagramChannel ch : channels) {
            ch.close();
        }
        selector.close();
        return json(t0, t1, server0, server1, self0, self1, machine0, machine1, answered1 - answered0, sent1 - sent0);
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long now;
        while ((now = System.nanoTime()) < deadline) {
            long ms = (deadline - now) / 1_000_000;
            if (ms > 0) {
                Thread.sleep(Math.min(ms, 100));
            } else {
                LockSupport.parkNanos(deadline - now);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- sending

    /** Sends one request stamped {@code stamp} (its scheduled or actual send time); false if no identifier is free. */
    private boolean send(long stamp, boolean stampIsNow) {
        int sock = -1;
        int id = -1;
        for (int k = 0; k < nSock; k++) {
            int s = nextSocket + k;
            if (s >= nSock) {
                s -= nSock;
            }
            id = free[s].poll();
            if (id >= 0) {
                sock = s;
                break;
            }
        }
        if (id < 0) {
            return false;
        }
        nextSocket = sock + 1 == nSock ? 0 : sock + 1;
        int slot = sock * 256 + id;
        int mac = random.nextInt(a.macs);
        byte[] auth = requestAuth[slot];
        long r1 = random.nextLong();
        long r2 = random.nextLong();
        for (int i = 0; i < 8; i++) {
            auth[i] = (byte) (r1 >>> (i * 8));
            auth[8 + i] = (byte) (r2 >>> (i * 8));
        }
        byte[] packet = encoder.encode(id, mac, auth);
        long now = System.nanoTime();
        if (stampIsNow) {
            stamp = now;
        }
        boolean m = stamp >= measureStart && stamp < measureEnd;
        macOf[slot] = mac;
        sentAt[slot] = stamp;
        sentActual[slot] = now;
        measured[slot] = m;
        outstanding.incrementAndGet();
        inFlight.set(slot, 1);
        try {
            if (channels[sock].write(ByteBuffer.wrap(packet)) != packet.length) {
                sendErrors++;         // socket buffer full: left in flight, it will count as a timeout
            }
        } catch (IOException e) {
            sendErrors++;
        }
        if (m) {
            sentMeasured++;
        }
        sentTotal++;
        return true;
    }

    /** Closed loop: keep {@code concurrency} requests in flight. Runs on the receive thread. */
    private void fill() {
        while (!stopSending && outstanding.get() < a.concurrency) {
            if (System.nanoTime() >= measureEnd) {
                stopSending = true;
                return;
            }
            if (!send(0, true)) {
                return;
            }
        }
    }

    /** Open loop: requests at {@code rate}/s on their schedule, at most {@code concurrency} in flight. */
    private void paceLoop() {
        double interval = 1e9 / a.rate;
        long k = 0;
        while (!stopSending) {
            long due = start + (long) (k * interval);
            if (due >= measureEnd) {
                break;
            }
            long now = System.nanoTime();
            if (due > now) {
                LockSupport.parkNanos(due - now);
                continue;
            }
            if (outstanding.get() >= a.concurrency || !send(due, false)) {
                LockSupport.parkNanos(10_000);
                continue;
            }
            long lag = now - due;
            if (lag > 1_000_000) {
                lateSends++;
            }
            if (due >= measureStart) {
                sendLagMicros.recordValue(Math.min(lag / 1000, sendLagMicros.getHighestTrackableValue()));
            }
            k++;
        }
    }

    // ---------------------------------------------------------------------------------------------- receiving

    private void receiveLoop() {
        long lastScan = System.nanoTime();
        try {
            while (!stopAll) {
                if (closedLoop) {
                    fill();
                }
                int got = drain();
                long now = System.nanoTime();
                if (now - lastScan > 10_000_000L) {
                    scanTimeouts(now);
                    lastScan = now;
                }
                if (got == 0) {
                    selector.select(5);
                    selector.selectedKeys().clear();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int drain() throws IOException {
        int got = 0;
        for (int s = 0; s < nSock; s++) {
            ByteBuffer buf = receiveBuffers[s];
            while (true) {
                buf.clear();
                int n;
                try {
                    n = channels[s].read(buf);
                } catch (PortUnreachableException e) {
                    portUnreachable++;   // ICMP: nothing listens on the server port
                    continue;
                }
                if (n <= 0) {
                    break;
                }
                got++;
                reply(s, buf.array(), n, System.nanoTime());
            }
        }
        return got;
    }

    private void reply(int sock, byte[] b, int n, long now) {
        if (n < RadiusCodec.MIN_LENGTH) {
            malformed++;
            return;
        }
        int slot = sock * 256 + (b[1] & 0xFF);
        if (inFlight.get(slot) == 0) {
            lateReplies++;                 // for a request that already timed out
            return;
        }
        byte[] auth = requestAuth[slot];
        if (!RadiusCodec.verifyResponseAuthenticator(b, 0, n, auth, secret)) {
            badAuthenticator++;            // e.g. a late reply to an earlier use of this identifier
            return;
        }
        if (a.verifyReplyMessageAuthenticator && !RadiusCodec.verifyMessageAuthenticator(b, 0, n, auth, secret)) {
            badMessageAuthenticator++;
            return;
        }
        long latency = now - sentAt[slot];
        long service = now - sentActual[slot];
        boolean m = measured[slot];
        int mac = macOf[slot];
        int code = b[0] & 0xFF;
        boolean vlanOk = code != Rfc2865.ACCESS_ACCEPT || hasVlan(b, n, encoder.expectedVlan(mac));
        release(sock, slot);
        answeredTotal++;
        if (!m) {
            return;
        }
        latencyMicros.recordValue(Math.min(Math.max(latency / 1000, 1), latencyMicros.getHighestTrackableValue()));
        serviceMicros.recordValue(Math.min(Math.max(service / 1000, 1), serviceMicros.getHighestTrackableValue()));
        switch (code) {
            case Rfc2865.ACCESS_ACCEPT -> {
                accepts++;
                if (!vlanOk) {
                    vlanMismatch++;
                }
            }
            case Rfc2865.ACCESS_REJECT -> rejects++;
            case Rfc2865.ACCESS_CHALLENGE -> challenges++;
            default -> otherCodes++;
        }
    }

    /** Whether the reply carries Tunnel-Private-Group-Id = {@code vlan} (with or without a tag octet, RFC 2868 §3.6). */
    private static boolean hasVlan(byte[] b, int n, byte[] vlan) {
        int end = Math.min(n, ((b[2] & 0xFF) << 8) | (b[3] & 0xFF));
        for (int p = 20; p + 2 <= end; ) {
            int len = b[p + 1] & 0xFF;
            if (len < 2 || p + len > end) {
                return false;
            }
            if ((b[p] & 0xFF) == Rfc2868.TUNNEL_PRIVATE_GROUP_ID) {
                int from = p + 2;
                int to = p + len;
                if (from < to && (b[from] & 0xFF) <= 0x1F) {
                    from++;
                }
                if (to - from == vlan.length) {
                    boolean eq = true;
                    for (int i = 0; i < vlan.length; i++) {
                        eq &= b[from + i] == vlan[i];
                    }
                    if (eq) {
                        return true;
                    }
                }
            }
            p += len;
        }
        return false;
    }

    private void release(int sock, int slot) {
        inFlight.set(slot, 0);
        outstanding.decrementAndGet();
        free[sock].offer(slot & 255);
    }

    private void scanTimeouts(long now) {
        for (int slot = 0, n = inFlight.length(); slot < n; slot++) {
            if (inFlight.get(slot) == 1 && now - sentAt[slot] > a.timeoutNanos) {
                if (measured[slot]) {
                    timeouts++;
                } else {
                    warmupTimeouts++;
                }
                release(slot >> 8, slot);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- result

    private String json(long t0, long t1, ProcStat server0, ProcStat server1, ProcStat self0, ProcStat self1,
                        long[] machine0, long[] machine1, long answeredInWindow, long sentInWindow) throws IOException {
        double seconds = a.durationNanos / 1e9;
        long answered = accepts + rejects + challenges + otherCodes;
        Json j = new Json();
        j.put("label", a.label);
        j.put("target", a.host + ":" + a.port);
        j.put("mode", closedLoop ? "closed-loop" : "rate-limited");
        j.put("concurrency", a.concurrency);
        j.put("rate_target", a.rate);
        j.put("sockets", nSock);
        j.put("so_rcvbuf", soRcvBuf);
        j.put("macs", a.macs);
        j.put("warmup_s", a.warmupNanos / 1e9);
        j.put("duration_s", seconds);
        j.put("sent", sentMeasured);
        j.put("answered", answered);
        j.put("accepts", accepts);
        j.put("rejects", rejects);
        j.put("challenges", challenges);
        j.put("other_codes", otherCodes);
        j.put("timeouts", timeouts);
        j.put("warmup_timeouts", warmupTimeouts);
        j.put("late_replies", lateReplies);
        j.put("bad_authenticator", badAuthenticator);
        j.put("bad_message_authenticator", badMessageAuthenticator);
        j.put("malformed", malformed);
        j.put("vlan_mismatch", vlanMismatch);
        j.put("send_errors", sendErrors);
        j.put("port_unreachable", portUnreachable);
        j.put("late_sends", lateSends);
        if (!closedLoop) {
            j.put("send_lag_ms", new Json()
                    .put("p50", ms(sendLagMicros.getValueAtPercentile(50)))
                    .put("p99", ms(sendLagMicros.getValueAtPercentile(99)))
                    .put("max", ms(sendLagMicros.getMaxValue())));
        }
        j.put("rps", answered / seconds);
        Histogram h = latencyMicros;
        j.put("latency_ms", new Json()
                .put("p50", ms(h.getValueAtPercentile(50)))
                .put("p90", ms(h.getValueAtPercentile(90)))
                .put("p99", ms(h.getValueAtPercentile(99)))
                .put("p999", ms(h.getValueAtPercentile(99.9)))
                .put("max", ms(h.getMaxValue()))
                .put("mean", Math.round(h.getMean()) / 1000.0));
        if (!closedLoop) {
            Histogram sv = serviceMicros;
            j.put("latency_from_actual_send_ms", new Json()
                    .put("p50", ms(sv.getValueAtPercentile(50)))
                    .put("p90", ms(sv.getValueAtPercentile(90)))
                    .put("p99", ms(sv.getValueAtPercentile(99)))
                    .put("p999", ms(sv.getValueAtPercentile(99.9)))
                    .put("max", ms(sv.getMaxValue())));
        }
        double window = (t1 - t0) / 1e9;
        j.put("window_s", window);
        j.put("answered_in_window", answeredInWindow);
        j.put("sent_in_window", sentInWindow);
        if (server0 != null && server1 != null) {
            double cpu = (server1.cpuTicks() - server0.cpuTicks()) / (double) ProcStat.CLK_TCK;
            j.put("server", new Json()
                    .put("pid", a.serverPid)
                    .put("cpu_s", cpu)
                    .put("cpu_cores", cpu / window)
                    .put("cpu_us_per_req", answeredInWindow == 0 ? 0 : cpu * 1e6 / answeredInWindow)
                    .put("rss_kb_start", server0.rssKb())
                    .put("rss_kb_end", server1.rssKb())
                    .put("rss_hwm_kb", server1.hwmKb()));
        } else if (a.serverPid > 0) {
            j.put("server", new Json().put("pid", a.serverPid).put("error", "could not read /proc/" + a.serverPid));
        }
        if (self0 != null && self1 != null) {
            double cpu = (self1.cpuTicks() - self0.cpuTicks()) / (double) ProcStat.CLK_TCK;
            j.put("client", new Json()
                    .put("cpu_s", cpu)
                    .put("cpu_cores", cpu / window)
                    .put("cpu_us_per_req", answeredInWindow == 0 ? 0 : cpu * 1e6 / answeredInWindow));
        }
        if (machine0 != null && machine1 != null) {
            // Whole machine over the window: busy = all CPU time but idle and iowait. "other" is what neither the
            // server nor this client used (the kernel's softirq work for loopback traffic lands partly here).
            double busy = (machine1[0] - machine0[0]) / (double) ProcStat.CLK_TCK;
            double srv = server0 != null && server1 != null
                    ? (server1.cpuTicks() - server0.cpuTicks()) / (double) ProcStat.CLK_TCK : 0;
            double cli = self0 != null && self1 != null
                    ? (self1.cpuTicks() - self0.cpuTicks()) / (double) ProcStat.CLK_TCK : 0;
            j.put("machine", new Json()
                    .put("cpus", Runtime.getRuntime().availableProcessors())
                    .put("busy_cores", busy / window)
                    .put("other_cores", (busy - srv - cli) / window)
                    .put("loadavg", ProcStat.loadAvg()));
        }
        return j.toString();
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** A flat JSON object writer: enough for numbers, strings and nested objects. */
    static final class Json {
        private final StringBuilder sb = new StringBuilder("{");

        Json put(String key, Object value) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"').append(key).append("\": ");
            if (value instanceof String s) {
                sb.append('"');
                for (char c : s.toCharArray()) {
                    if (c == '"' || c == '\\') {
                        sb.append('\\').append(c);
                    } else if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
                sb.append('"');
            } else if (value instanceof Double d) {
                sb.append(d.isNaN() || d.isInfinite() ? "null"
                        : new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString());
            } else {
                sb.append(value);
            }
            return this;
        }

        @Override
        public String toString() {
            return sb + "}";
        }
    }
}
