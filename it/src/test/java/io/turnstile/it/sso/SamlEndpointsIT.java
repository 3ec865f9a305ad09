package io.turnstile.it.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.turnstile.it.TurnstileUnderTest;

/**
 * The SAML SP's URLs on a running Turnstile: the browser endpoints need no API token and answer with a page naming
 * the reason (never a JSON 401 or a redirect), the ssos metadata and failures need the org's token.
 */
@EnabledIfSystemProperty(named = "turnstile.it", matches = "true")
class SamlEndpointsIT {

    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static HttpResponse<String> send(HttpRequest r) throws Exception {
        return CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void acsOfAnUnknownDomainShowsTheReasonWithoutAToken() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(TurnstileUnderTest.HTTP + "/api/v1/saml/nosuchsso1/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("SAMLResponse=PHg%2BPC94Pg%3D%3D")).build());
        assertEquals(404, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.headers().toString());
        assertTrue(r.body().contains("data-reason=\"UNKNOWN_SSO\""), r.body());
        assertTrue(r.headers().firstValue("Location").isEmpty());

        HttpResponse<String> start = send(HttpRequest.newBuilder(
                URI.create(TurnstileUnderTest.HTTP + "/api/v1/saml/nosuchsso1/login")).GET().build());
        assertEquals(404, start.statusCode());
        assertTrue(start.body().contains("UNKNOWN_SSO"), start.body());
    }

    @Test
    void ssoMetadataAndFailuresNeedTheOrgToken() throws Exception {
        String org = TurnstileUnderTest.orgId();
        String sso = "00000000-0000-4000-8000-000000000001";
        for (String tail : new String[] {"metadata", "metadata.xml", "failures"}) {
            String path = "/api/v1/orgs/" + org + "/ssos/" + sso + "/" + tail;
            assertEquals(401, TurnstileUnderTest.call("GET", path, null, null, null).status(), path);
            assertEquals(404, TurnstileUnderTest.get(path).status(), path);
        }
    }
}
