package io.turnstile.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** wpa_supplicant's {@code eapol_test} (Debian eapoltest), the real 802.1X supplicant of these tests. */
public final class EapolTest {

    /** What one run printed; {@code eapol_test} ends with SUCCESS or FAILURE and exits 0 only on success. */
    public record Result(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0 && output.contains("SUCCESS");
        }

        /**
         * eapol_test decrypts MS-MPPE-Send/Recv-Key from the Access-Accept with the shared secret and compares them
         * with the MSK its own TLS stack derived.
         */
        public boolean mppeKeysMatch() {
            return output.contains("MPPE keys OK: 1  mismatch: 0");
        }

        public boolean rejected() {
            return output.contains("Access-Reject") || output.contains("EAP-Failure") || output.contains("CTRL-EVENT-EAP-FAILURE");
        }

        /** wpa_supplicant logs the version of each TLS session it completes (the outer one first). */
        public boolean tls13() {
            return output.contains("SSL: Using TLS version TLSv1.3");
        }
    }

    private EapolTest() {
    }

    /**
     * One EAP-TLS authentication.
     *
     * @param tls13   offer TLS 1.3 (eapol_test 2.10 needs {@code tls_disable_tlsv1_3=0}; Turnstile then picks 1.3),
     *                otherwise TLS 1.2 at most
     * @param extra   more lines for the network block (e.g. {@code openssl_ciphers})
     */
    public static Result eapTls(Path dir, int port, String secret, String mac, String identity, Path caCert,
                                Path clientCert, Path clientKey, boolean tls13, String extra) {
        try {
            Path conf = Files.createTempFile(dir, "eapol", ".conf");
            Files.writeString(conf, """
                    network={
                        key_mgmt=WPA-EAP
                        eap=TLS
                        identity="%s"
                        ca_cert="%s"
                        client_cert="%s"
                        private_key="%s"
                        phase1="%s"
                        eapol_flags=0
                        %s
                    }
                    """.formatted(identity, caCert, clientCert, clientKey,
                    tls13 ? "tls_disable_tlsv1_3=0" : "tls_disable_tlsv1_3=1",
                    extra == null ? "" : extra));
            return run(conf, port, secret, mac, 20);
        } catch (IOException e) {
            throw new IllegalStateException("eapol_test could not run (is eapoltest installed?)", e);
        }
    }

    /**
     * One EAP-TTLS authentication with PAP inside (RFC 5281 §11.2.5), TLS 1.2. wpa_supplicant sends
     * {@code anonymous_identity} outside the tunnel and {@code identity}/{@code password} inside.
     *
     * @param timeoutSeconds eapol_test's overall limit ({@code -t})
     */
    public static Result ttlsPap(Path dir, int port, String secret, String mac, String outerIdentity, String user,
                                 String password, Path caCert, int timeoutSeconds) {
        return ttlsPap(dir, port, secret, mac, outerIdentity, user, password, caCert, timeoutSeconds, false);
    }

    /**
     * EAP-TTLS/PAP as above; with {@code tls13} the outer tunnel may be TLS 1.3 (RFC 9427; eapol_test 2.10 needs
     * {@code tls_disable_tlsv1_3=0}).
     */
    public static Result ttlsPap(Path dir, int port, String secret, String mac, String outerIdentity, String user,
                                 String password, Path caCert, int timeoutSeconds, boolean tls13) {
        try {
            Path conf = Files.createTempFile(dir, "eapol-ttls", ".conf");
            Files.writeString(conf, """
                    network={
                        key_mgmt=WPA-EAP
                        eap=TTLS
                        anonymous_identity="%s"
                        identity="%s"
                        password="%s"
                        ca_cert="%s"
                        phase1="tls_disable_tlsv1_3=%d"
                        phase2="auth=PAP"
                        eapol_flags=0
                    }
                    """.formatted(outerIdentity, user, password, caCert, tls13 ? 0 : 1));
            return run(conf, port, secret, mac, timeoutSeconds);
        } catch (IOException e) {
            throw new IllegalStateException("eapol_test could not run (is eapoltest installed?)", e);
        }
    }

    /**
     * One PEAPv0 authentication with EAP-TLS inside (PEAP-TLS, as Windows uses it), TLS 1.2 outside and inside,
     * without cryptobinding ({@code crypto_binding=0}).
     */
    public static Result peapTls(Path dir, int port, String secret, String mac, String outerIdentity,
                                 String innerIdentity, Path caCert, Path clientCert, Path clientKey) {
        return peapTls(dir, port, secret, mac, outerIdentity, innerIdentity, caCert, clientCert, clientKey, 0, false);
    }

    /**
     * One PEAPv0 authentication with EAP-TLS inside; wpa_supplicant 2.10 takes the inner certificate from
     * {@code ca_cert2}/{@code client_cert2}/{@code private_key2} with {@code phase2="autheap=TLS"}.
     *
     * @param cryptoBinding wpa_supplicant's {@code crypto_binding}: 0 never, 1 if the server sends it, 2 required
     * @param tls13         allow TLS 1.3 for the outer tunnel (RFC 9427); the inner EAP-TLS stays on TLS 1.2
     */
    public static Result peapTls(Path dir, int port, String secret, String mac, String outerIdentity,
                                 String innerIdentity, Path caCert, Path clientCert, Path clientKey,
                                 int cryptoBinding, boolean tls13) {
        try {
            Path conf = Files.createTempFile(dir, "eapol-peap", ".conf");
            Files.writeString(conf, """
                    network={
                        key_mgmt=WPA-EAP
                        eap=PEAP
                        anonymous_identity="%s"
                        identity="%s"
                        ca_cert="%s"
                        phase1="peapver=0 crypto_binding=%d tls_disable_tlsv1_3=%d"
                        phase2="autheap=TLS tls_disable_tlsv1_3=1"
                        ca_cert2="%s"
                        client_cert2="%s"
                        private_key2="%s"
                        eapol_flags=0
                    }
                    """.formatted(outerIdentity, innerIdentity, caCert, cryptoBinding, tls13 ? 0 : 1, caCert,
                    clientCert, clientKey));
            return run(conf, port, secret, mac, 30);
        } catch (IOException e) {
            throw new IllegalStateException("eapol_test could not run (is eapoltest installed?)", e);
        }
    }

    /**
     * One TEAP authentication (RFC 7170) with inner EAP-TLS, TLS 1.2 outside and inside, with the TEAP-capable
     * eapol_test built by {@code it/scripts/eapol-test-teap.sh}: the machine certificate ({@code machine_*}, used when
     * the server asks Identity-Type machine) and the user certificate ({@code *2}), i.e. EAP chaining. Without
     * {@code machineCert} the peer has no machine credentials and answers the machine request as the user. Without
     * {@code userCert} it has no user certificate (machine only): with no {@code userIdentity} either it cannot answer
     * a user request (wpa_supplicant then sends a Result failure), with {@code ""} it answers it with an empty identity
     * (as Windows with nobody signed in). No PAC provisioning ({@code teap_provisioning=0}; the PAC file only has to be
     * named).
     */
    public static Result teap(String binary, Path dir, int port, String secret, String mac, String outerIdentity,
                              Path caCert, String userIdentity, Path userCert, Path userKey, String machineIdentity,
                              Path machineCert, Path machineKey) {
        return teap(binary, dir, port, secret, mac, outerIdentity, caCert, userIdentity, userCert, userKey,
                machineIdentity, machineCert, machineKey, "");
    }

    /** As above, with more lines for the network block (e.g. {@code openssl_ciphers} to pick the tunnel's suite). */
    public static Result teap(String binary, Path dir, int port, String secret, String mac, String outerIdentity,
                              Path caCert, String userIdentity, Path userCert, Path userKey, String machineIdentity,
                              Path machineCert, Path machineKey, String extra) {
        try {
            Path conf = Files.createTempFile(dir, "eapol-teap", ".conf");
            String machine = machineCert == null ? "" : """
                        machine_identity="%s"
                        machine_phase2="auth=TLS"
                        machine_ca_cert="%s"
                        machine_client_cert="%s"
                        machine_private_key="%s"
                    """.formatted(machineIdentity, caCert, machineCert, machineKey);
            String identity = userIdentity == null ? "" : "    identity=\"%s\"\n".formatted(userIdentity);
            String user = userCert == null ? "" : """
                        phase2="auth=TLS"
                        ca_cert2="%s"
                        client_cert2="%s"
                        private_key2="%s"
                    """.formatted(caCert, userCert, userKey);
            Files.writeString(conf, """
                    network={
                        key_mgmt=WPA-EAP
                        eap=TEAP
                        anonymous_identity="%s"
                    %s    ca_cert="%s"
                        pac_file="%s"
                        phase1="teap_provisioning=0 tls_disable_tlsv1_3=1"
                    %s%s
                        eapol_flags=0
                        %s
                    }
                    """.formatted(outerIdentity, identity, caCert, conf + ".pac", user, machine, extra));
            return run(binary, conf, port, secret, mac, 60); // two inner handshakes: slow on a busy machine
        } catch (IOException e) {
            throw new IllegalStateException(binary + " could not run", e);
        }
    }

    private static Result run(Path conf, int port, String secret, String mac, int timeoutSeconds) throws IOException {
        return run("eapol_test", conf, port, secret, mac, timeoutSeconds);
    }

    private static Result run(String binary, Path conf, int port, String secret, String mac, int timeoutSeconds)
            throws IOException {
        List<String> cmd = List.of(binary, "-c", conf.toString(), "-a", "127.0.0.1", "-p",
                String.valueOf(port), "-s", secret, "-M", mac, "-r", "0", "-t", String.valueOf(timeoutSeconds),
                "-N", "30:s:AA-BB-CC-00-11-22:Corp-Dot1x", "-N", "61:d:19");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds + 40L, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("eapol_test hung");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
