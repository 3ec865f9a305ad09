package io.turnstile.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** FreeRADIUS's {@code radclient} (Debian freeradius-utils), the real RADIUS peer of these tests. */
public final class Radclient {

    public record Result(int exitCode, String output) {
        public boolean accepted() {
            return output.contains("Received Access-Accept");
        }

        public boolean rejected() {
            return output.contains("Received Access-Reject");
        }

        /** radclient prints tagged attributes with their tag ({@code Tunnel-Type:0 = VLAN}). */
        public boolean has(String attribute, String value) {
            return java.util.regex.Pattern.compile("(?m)^\\s*" + java.util.regex.Pattern.quote(attribute)
                    + "(:\\d+)? = " + java.util.regex.Pattern.quote(value) + "\\s*$").matcher(output).find();
        }

        public boolean noReply() {
            return output.contains("No reply from server") || (exitCode != 0 && !output.contains("Received"));
        }
    }

    private Radclient() {
    }

    /**
     * Sends one request. {@code attributes} in radclient's input syntax, one per line. A {@code Message-Authenticator
     * = 0x00} line makes radclient compute a real one.
     */
    public static Result send(int port, String command, String secret, String attributes) {
        List<String> cmd = new ArrayList<>(List.of("radclient", "-x", "-r", "1", "-t", "2",
                "127.0.0.1:" + port, command, secret));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().write(attributes.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("radclient hung");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException("radclient could not run (is freeradius-utils installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends many requests from one radclient ({@code -f}, {@code inFlight} at a time with {@code -p}, 5 s timeout,
     * 5 tries) and returns its output with {@code -s}'s summary ({@link #summaryCount}).
     */
    public static String sendMany(int port, String command, String secret, List<String> packets, int inFlight)
            throws IOException, InterruptedException {
        java.nio.file.Path input = java.nio.file.Files.createTempFile("radclient", ".txt");
        try {
            java.nio.file.Files.writeString(input, String.join("\n", packets) + "\n");
            List<String> cmd = new ArrayList<>(List.of("radclient", "-s", "-r", "5", "-t", "5", "-p",
                    String.valueOf(inFlight), "-f", input.toString(), "127.0.0.1:" + port, command, secret));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("radclient hung");
            }
            return out;
        } finally {
            java.nio.file.Files.deleteIfExists(input);
        }
    }

    /** A line of radclient's {@code -s} summary, e.g. "Rejected" or "Lost"; -1 if absent. */
    public static int summaryCount(String out, String line) {
        var m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(line) + "\\s*:\\s*(\\d+)").matcher(out);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** {@code n} MAB requests for the MACs {@code macPrefix + 000001..n} (12 hex digits in all) on the given SSID. */
    public static List<String> mabBurst(String macPrefix, String ssid, int n) {
        List<String> packets = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            packets.add(mab(macPrefix + "%06x".formatted(i)).replace(":Corp-IoT", ":" + ssid));
        }
        return packets;
    }

    public static Result auth(String attributes) {
        return send(TurnstileUnderTest.AUTH_PORT, "auth", TurnstileUnderTest.SECRET, attributes);
    }

    public static Result acct(String attributes) {
        return send(TurnstileUnderTest.ACCT_PORT, "acct", TurnstileUnderTest.SECRET, attributes);
    }

    public static String mab(String mac) {
        return """
                User-Name = "%1$s"
                User-Password = "%1$s"
                Calling-Station-Id = "%2$s"
                Called-Station-Id = "AA-BB-CC-00-11-22:Corp-IoT"
                NAS-Port-Type = Wireless-802.11
                Message-Authenticator = 0x00
                """.formatted(mac, mac.replaceAll("(..)(?!$)", "$1-").toUpperCase());
    }
}
