package io.turnstile.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The small database and configuration that {@code openssl ca} needs to issue (and revoke) certificates from a CA
 * whose certificate and key lie in {@code dir}: the ITs that stand up their own PKI (OCSP, server-certificate import)
 * share this, and add their own extension sections.
 */
final class OpensslCa {

    private OpensslCa() {
    }

    /**
     * Writes {@code dir/db/index.txt}, {@code dir/db/serial} and {@code dir/ca.cnf} for the CA
     * {@code dir/<name>.pem} + {@code dir/<name>.key}, SHA-256, 30 days, any subject with a commonName, no copied
     * extensions; {@code sections} follow (the {@code -extensions} profiles the test issues with).
     */
    static Path configure(Path dir, String name, String firstSerial, String sections) throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/index.txt"), "");
        Files.writeString(dir.resolve("db/serial"), firstSerial + "\n");
        Path cnf = dir.resolve("ca.cnf");
        Files.writeString(cnf, """
                [ca]
                default_ca = it
                [it]
                dir = %s
                database = $dir/db/index.txt
                serial = $dir/db/serial
                new_certs_dir = $dir/db
                certificate = $dir/%s.pem
                private_key = $dir/%s.key
                default_md = sha256
                default_days = 30
                policy = anything
                copy_extensions = none
                unique_subject = no
                [anything]
                commonName = supplied
                """.formatted(dir, name, name) + sections);
        return cnf;
    }
}
