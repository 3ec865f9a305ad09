package io.turnstile.bench;

import java.util.Locale;

/** Command-line options of {@link MabLoad}. */
final class BenchArgs {

    String host = "127.0.0.1";
    int port = 1812;
    String secret = "testing123";
    int macs = 20_000;
    int concurrency = 64;
    long durationNanos = 20_000_000_000L;
    long warmupNanos = 5_000_000_000L;
    double rate = 0;                 // requests per second; 0 = as fast as replies come back (closed loop)
    long timeoutNanos = 2_000_000_000L;
    int sockets = 0;                 // 0 = ceil(concurrency / 256)
    String out;                      // JSON file; stdout always gets the JSON too
    String label = "";
    long serverPid = -1;             // process whose /proc/<pid>/stat CPU time and RSS are sampled
    long seed = 42;
    boolean verifyReplyMessageAuthenticator = true;

    static final String USAGE = """
            usage: java -jar bench.jar [options]
              --host H            server address (default 127.0.0.1; only loopback is allowed)
              --port P            server UDP auth port (default 1812)
              --secret S          shared secret (default testing123)
              --macs N            distinct endpoints (default 20000), see Endpoints
              --concurrency C     requests kept outstanding (default 64); the cap in rate-limited mode
              --rate R            requests/s, 0 = unlimited closed loop (default 0)
              --duration D        measured time, e.g. 20s, 500ms, 2m (default 20s)
              --warmup D          unmeasured time before it (default 5s)
              --timeout D         reply timeout, no retransmission (default 2s)
              --sockets N         UDP sockets (default ceil(concurrency/256)); 256 identifiers each
              --server-pid PID    sample this process's CPU time (utime+stime) and RSS over the measured window
              --label TEXT        name put in the JSON
              --out FILE          also write the JSON to FILE
              --seed N            endpoint choice seed (default 42)
              --no-verify-ma      do not verify a Message-Authenticator in replies (Response Authenticator always is)
            """;

    static BenchArgs parse(String[] args) {
        BenchArgs a = new BenchArgs();
        for (int i = 0; i < args.length; i++) {
            String k = args[i];
            if (k.equals("--help") || k.equals("-h")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            if (k.equals("--no-verify-ma")) {
                a.verifyReplyMessageAuthenticator = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + k);
            }
            String v = args[++i];
            switch (k) {
                case "--host" -> a.host = v;
                case "--port" -> a.port = Integer.parseInt(v);
                case "--secret" -> a.secret = v;
                case "--macs" -> a.macs = Integer.parseInt(v);
                case "--concurrency" -> a.concurrency = Integer.parseInt(v);
                case "--rate" -> a.rate = Double.parseDouble(v);
                case "--duration" -> a.durationNanos = duration(v);
                case "--warmup" -> a.warmupNanos = duration(v);
                case "--timeout" -> a.timeoutNanos = duration(v);
                case "--sockets" -> a.sockets = Integer.parseInt(v);
                case "--server-pid" -> a.serverPid = Long.parseLong(v);
                case "--label" -> a.label = v;
                case "--out" -> a.out = v;
                case "--seed" -> a.seed = Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown option " + k);
            }
        }
        if (a.concurrency < 1 || a.macs < 1 || a.macs > Endpoints.MAX || a.rate < 0 || a.durationNanos <= 0
                || a.warmupNanos < 0 || a.timeoutNanos <= 0) {
            throw new IllegalArgumentException("out-of-range option value");
        }
        if (a.sockets <= 0) {
            a.sockets = (a.concurrency + 255) / 256;
        }
        if (a.sockets * 256L < a.concurrency) {
            throw new IllegalArgumentException(a.sockets + " sockets give only " + a.sockets * 256
                    + " identifiers for concurrency " + a.concurrency);
        }
        return a;
    }

    /** "20s", "500ms", "2m", "1.5s"; a bare number is seconds. */
    static long duration(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        double mult;
        if (s.endsWith("ms")) {
            mult = 1e6;
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s")) {
            mult = 1e9;
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("m")) {
            mult = 60e9;
            s = s.substring(0, s.length() - 1);
        } else {
            mult = 1e9;
        }
        return (long) (Double.parseDouble(s) * mult);
    }
}
