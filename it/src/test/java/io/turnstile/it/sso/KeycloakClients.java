package io.turnstile.it.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * SAML clients created in the running Keycloak through its admin REST API, each a copy of the realm fixture's client
 * ({@code it/src/test/resources/keycloak/turnstile-realm.json}) with its own entity id, ACS URL, IdP-initiated URL
 * name and attribute overrides (signature algorithm, assertion lifespan...).
 */
final class KeycloakClients {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String keycloak;

    KeycloakClients(String keycloak) {
        this.keycloak = keycloak;
    }

    /**
     * Creates a client with entity id {@code clientId} (Keycloak's Audience) posting to {@code acsUrl}, logged in
     * IdP-initiated at {@code /realms/turnstile/protocol/saml/clients/<idpInitiatedName>}.
     */
    void create(String clientId, String acsUrl, String idpInitiatedName, Map<String, String> attributeOverrides)
            throws Exception {
        JsonObject fixture;
        try (InputStream in = KeycloakClients.class.getResourceAsStream("/keycloak/turnstile-realm.json")) {
            fixture = Json.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8))).readObject();
        }
        JsonObject template = fixture.getJsonArray("clients").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("protocol", "").equals("saml")).findFirst().orElseThrow();
        String base = acsUrl.substring(0, acsUrl.length() - "/login".length());
        JsonObjectBuilder attributes = Json.createObjectBuilder(template.getJsonObject("attributes"))
                .add("saml_idp_initiated_sso_url_name", idpInitiatedName)
                .add("saml_assertion_consumer_url_post", acsUrl)
                .add("saml_single_logout_service_url_post", base + "/logout");
        attributeOverrides.forEach(attributes::add);
        JsonObject client = Json.createObjectBuilder(template)
                .add("clientId", clientId)
                .add("redirectUris", Json.createArrayBuilder().add(base + "/*"))
                .add("attributes", attributes)
                .build();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/turnstile/clients"))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }

    private String adminToken() throws Exception {
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin"
                        + "&password=admin-it")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());
        return Json.createReader(new StringReader(token.body())).readObject().getString("access_token");
    }
}
