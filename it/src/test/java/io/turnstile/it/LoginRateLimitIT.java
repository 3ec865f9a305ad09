package io.turnstile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /login} past its rate limit: 429 with Retry-After and a JSON detail, even for the right password (the
 * limit is checked before hashing); once the window has passed the right password is accepted again. The suite runs
 * Turnstile with a per-email burst of 10 (test-suite.sh), so the other tests' logins are not throttled.
 */
class LoginRateLimitIT {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String PASSWORD = "it-rate-limit-password-42";

    static HttpResponse<String> login(String email) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(TurnstileUnderTest.HTTP + "/api/v1/login"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"email": "%s", "password": "%s"}""".formatted(email, PASSWORD))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRightPasswordIsThrottledPastTheBurstAndAcceptedAfterTheWindow() throws Exception {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        String email = "rate-limited-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        AdminSession.createAdmin(TurnstileUnderTest.orgId(), email, PASSWORD, "read");

        HttpResponse<String> r = login(email);
        int accepted = 0;
        while (r.statusCode() == 200 && accepted < 100) {
            accepted++;
            r = login(email);
        }
        assertTrue(accepted >= 1, "the first login is accepted");
        assertEquals(429, r.statusCode(), "after " + accepted + " logins: " + r.body());
        long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
        assertEquals("Too many login attempts; try again later.",
                Json.createReader(new StringReader(r.body())).readObject().getString("detail"));
        assertFalse(r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("sessionid=")),
                "no session past the limit");

        // Wait out the window the server named (not a timing assertion: the check is that it is then accepted).
        HttpResponse<String> after = null;
        for (int i = 0; i < 5 && (after == null || after.statusCode() == 429); i++) {
            Thread.sleep(Duration.ofSeconds(after == null ? retryAfter
                    : Long.parseLong(after.headers().firstValue("Retry-After").orElse("1"))).toMillis());
            after = login(email);
        }
        assertEquals(200, after.statusCode(), "the right password after the window: " + after.body());
    }
}
