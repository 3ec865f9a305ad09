package io.turnstile.it.sso;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Just enough of a browser to log in at Keycloak: follows redirects, keeps cookies, fills the login form and
 * collects the HTTP-POST binding form (SAMLResponse) that a browser would auto-submit to the ACS. Cookies are kept
 * by hand because Keycloak marks them Secure and {@link java.net.CookieManager} withholds those on plain http
 * (a real browser treats loopback as secure).
 */
final class IdpBrowser {

    /** The auto-submitted form Keycloak answers a successful login with. */
    record PostForm(String action, String samlResponse, String relayState) { }

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTR = Pattern.compile("([a-zA-Z_-]+)=\"([^\"]*)\"");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    String get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), 0);
    }

    String post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 0);
    }

    /** From a page showing Keycloak's login form: log in and return the SAML POST form. */
    PostForm login(String loginPage, String username, String password) {
        String action = formAttributes(loginPage, "kc-form-login").get("action");
        if (action == null) {
            throw new AssertionError("no Keycloak login form in:\n" + loginPage);
        }
        String page = post(unescape(action), Map.of("username", username, "password", password, "credentialId", ""));
        String samlResponse = inputValue(page, "SAMLResponse");
        if (samlResponse == null) {
            throw new AssertionError("no SAMLResponse after login:\n" + page);
        }
        Matcher m = FORM.matcher(page);
        String formAction = m.find() ? attributes(m.group()).get("action") : null;
        return new PostForm(formAction == null ? null : unescape(formAction), unescape(samlResponse),
                inputValue(page, "RelayState") == null ? null : unescape(inputValue(page, "RelayState")));
    }

    private String send(HttpRequest.Builder request, int hops) {
        if (hops > 10) {
            throw new AssertionError("redirect loop");
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> r;
        try {
            r = client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(built.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (String c : r.headers().allValues("Set-Cookie")) {
            String pair = c.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        if (r.statusCode() / 100 == 3) {
            String location = r.headers().firstValue("Location").orElseThrow();
            return send(HttpRequest.newBuilder(built.uri().resolve(location)).GET(), hops + 1);
        }
        if (r.statusCode() != 200) {
            throw new AssertionError(built.uri() + " answered " + r.statusCode() + ":\n" + r.body());
        }
        return r.body();
    }

    private static Map<String, String> formAttributes(String page, String id) {
        Matcher m = FORM.matcher(page);
        while (m.find()) {
            Map<String, String> attrs = attributes(m.group());
            if (id.equals(attrs.get("id"))) {
                return attrs;
            }
        }
        return Map.of();
    }

    private static String inputValue(String page, String name) {
        Matcher m = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE).matcher(page);
        while (m.find()) {
            Map<String, String> attrs = attributes(m.group());
            if (name.equals(attrs.get("name"))) {
                return attrs.get("value");
            }
        }
        return null;
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher a = ATTR.matcher(tag);
        while (a.find()) {
            out.putIfAbsent(a.group(1).toLowerCase(), a.group(2));
        }
        return out;
    }

    static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&#x3d;", "=").replace("&#61;", "=").replace("&quot;", "\"")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&#43;", "+").replace("&#x2b;", "+")
                .replace("&#47;", "/").replace("&#x2f;", "/");
    }

}
