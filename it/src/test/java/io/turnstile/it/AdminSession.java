package io.turnstile.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A browser-like client of Turnstile's admin plane: logs in with email and password, keeps the {@code sessionid} and
 * {@code csrftoken} cookies as a browser would, and sends {@code X-CSRFToken} on changes unless told not to.
 */
final class AdminSession {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response with its Set-Cookie headers. */
    record Reply(int status, String body, List<String> setCookies) {
        TurnstileUnderTest.Response plain() {
            return new TurnstileUnderTest.Response(status, body);
        }

        /** The Set-Cookie header of a cookie, if set. */
        Optional<String> setCookie(String name) {
            return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst();
        }
    }

    final Map<String, String> cookies = new LinkedHashMap<>();

    static Reply send(String method, String path, Map<String, String> cookies, Map<String, String> headers,
                      String json) {
        var b = HttpRequest.newBuilder(URI.create(TurnstileUnderTest.HTTP + path)).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            StringBuilder c = new StringBuilder();
            cookies.forEach((k, v) -> c.append(c.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            b.header("Cookie", c.toString());
        }
        headers.forEach(b::header);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().allValues("Set-Cookie"));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Logs in, keeping the cookies the answer sets. */
    Reply login(String email, String password) {
        Reply r = send("POST", "/api/v1/login", cookies, Map.of(), """
                {"email": "%s", "password": "%s"}""".formatted(email, password));
        for (String c : r.setCookies()) {
            String pair = c.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return r;
    }

    static AdminSession signedIn(String email, String password) {
        AdminSession s = new AdminSession();
        Reply r = s.login(email, password);
        if (r.status() != 200) {
            throw new IllegalStateException("login of " + email + " failed: " + r.status() + " " + r.body());
        }
        return s;
    }

    Reply call(String method, String path, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (cookies.containsKey("csrftoken")) {
            headers.put("X-CSRFToken", cookies.get("csrftoken"));
        }
        return send(method, path, cookies, headers, json);
    }

    Reply callWithoutCsrf(String method, String path, String json) {
        return send(method, path, cookies, Map.of(), json);
    }

    /** Creates a local admin through the API with the bootstrap token; returns its id. */
    static String createAdmin(String org, String email, String password, String role) {
        var r = TurnstileUnderTest.post("/api/v1/orgs/" + org + "/admins", """
                {"email": "%s", "password": "%s", "first_name": "IT", "last_name": "%s",
                 "privileges": [{"scope": "org", "role": "%s"}]}""".formatted(email, password, role, role));
        if (r.status() != 200) {
            throw new IllegalStateException("creating admin " + email + " failed: " + r);
        }
        return r.json().getString("id");
    }
}
