package io.turnstile.bench.console;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Random;
import java.util.UUID;

/**
 * Fills {@code nac_event} with synthetic events for the console's events page benchmark (bench/scripts/console-events-page.sh):
 * {@code count} events of one org spread evenly over the last {@code hours} hours, 90 % accepts, 10 % rejects,
 * from 50,000 MACs, written with plain JDBC batches while Turnstile is stopped (the embedded H2 file is single-user).
 * Run in Java's source-file mode: {@code java -cp h2.jar:postgresql.jar NacEventSeeder.java URL USER PASSWORD ORG COUNT HOURS}.
 */
public final class NacEventSeeder {

    private NacEventSeeder() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        String org = args[3];
        int count = Integer.parseInt(args[4]);
        long spanMillis = Long.parseLong(args[5]) * 3_600_000L;
        long now = System.currentTimeMillis();
        Random random = new Random(42);
        String[] authTypes = {"mab", "eap-tls", "eap-peap"};
        String[] reasons = {"unknown endpoint", "certificate expired", "no rule matched", "wrong password"};
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO nac_event (id, org_id, ts, type, mac, "
                    + "username, auth_type, port_type, nas_ip, nas_vendor, ssid, vlan, resp_attrs, reason) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, 'wireless', '10.0.0.1', 'generic', 'Corp', ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    boolean permit = random.nextInt(10) != 0;
                    String mac = String.format("00163e%06x", random.nextInt(50_000));
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, org);
                    ps.setLong(3, now - spanMillis + (spanMillis * i) / count);
                    ps.setString(4, permit ? "NAC_CLIENT_PERMIT" : "NAC_CLIENT_DENY");
                    ps.setString(5, mac);
                    ps.setString(6, mac);
                    ps.setString(7, authTypes[i % authTypes.length]);
                    ps.setString(8, permit ? "100" : null);
                    ps.setString(9, permit ? "[\"Tunnel-Private-Group-Id = \\\"100\\\"\"]" : null);
                    ps.setString(10, permit ? "known endpoint" : reasons[i % reasons.length]);
                    ps.addBatch();
                    if (i % 5_000 == 4_999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
        }
        System.out.println("seeded " + count + " NAC events for org " + org);
    }
}
