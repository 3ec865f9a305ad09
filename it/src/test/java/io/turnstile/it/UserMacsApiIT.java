package io.turnstile.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.turnstile.it.TurnstileUnderTest.delete;
import static io.turnstile.it.TurnstileUnderTest.get;
import static io.turnstile.it.TurnstileUnderTest.post;
import static io.turnstile.it.TurnstileUnderTest.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The endpoints database through the contract's usermacs API, and its effect on MAB without a restart. */
class UserMacsApiIT {

    static String org;

    @BeforeAll
    static void setUp() {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        org = TurnstileUnderTest.ensureRadiusClients();
    }

    @Test
    void apiNeedsAToken() {
        assertEquals(401, TurnstileUnderTest.call("GET", "/api/v1/self", null, null, null).status());
        assertEquals(401, TurnstileUnderTest.call("GET", "/api/v1/self", "wrong-token-wrong-token", null, null).status());
        assertEquals(403, get("/api/v1/orgs/00000000-0000-0000-0000-000000000000/usermacs/search").status());
    }

    @Test
    void createUpdateDeleteChangesMabAtOnce() {
        var created = post("/api/v1/orgs/" + org + "/usermacs", """
                {"mac": "00-1b-2c-3d-4e-30", "name": "cam-30", "vlan": "30", "labels": ["camera"]}""");
        assertEquals(200, created.status(), created.body());
        String id = created.json().getString("id");
        assertEquals("001b2c3d4e30", created.json().getString("mac"));
        assertTrue(Radclient.auth(Radclient.mab("001b2c3d4e30")).has("Tunnel-Private-Group-Id", "\"30\""));

        var updated = put("/api/v1/orgs/" + org + "/usermacs/" + id, "{\"vlan\": \"31\"}");
        assertEquals(200, updated.status(), updated.body());
        assertEquals("cam-30", updated.json().getString("name"), "PUT keeps the fields it does not carry");
        var after = Radclient.auth(Radclient.mab("001b2c3d4e30"));
        assertTrue(after.has("Tunnel-Private-Group-Id", "\"31\""), after.output());

        assertEquals(200, delete("/api/v1/orgs/" + org + "/usermacs/" + id).status());
        assertTrue(Radclient.auth(Radclient.mab("001b2c3d4e30")).rejected());
        assertEquals(404, get("/api/v1/orgs/" + org + "/usermacs/" + id).status());
    }

    @Test
    void invalidBodiesGetAClear400() {
        var bad = post("/api/v1/orgs/" + org + "/usermacs", "{\"mac\": \"not-a-mac\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.json().getString("detail").contains("mac"), bad.body());
        var broken = post("/api/v1/orgs/" + org + "/usermacs", "{\"mac\": ");
        assertEquals(400, broken.status(), broken.body());
    }

    @Test
    void csvImportIsAllOrNothing() throws Exception {
        String bad = """
                mac,labels,vlan,notes,name,radius_group
                001b2c3d4e40,"bldg1,flor1",vlan-100
                001b2c3d4zz1,"bldg2",vlan-101,broken row
                001b2c3d4e42,,102
                """;
        var refused = importCsv(bad);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("line 3"), refused.body());
        var search = get("/api/v1/orgs/" + org + "/usermacs/search?mac=001b2c3d4e4");
        assertEquals(200, search.status());
        assertTrue(!search.body().contains("001b2c3d4e40"), "nothing of a refused file is imported: " + search.body());

        var accepted = importCsv(bad.replace("001b2c3d4zz1", "001b2c3d4e41"));
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertTrue(accepted.body().contains("001b2c3d4e40") && accepted.body().contains("001b2c3d4e42"), accepted.body());
        var imported = Radclient.auth(Radclient.mab("001b2c3d4e42"));
        assertTrue(imported.has("Tunnel-Private-Group-Id", "\"102\""), imported.output());
    }

    private static HttpResponse<String> importCsv(String csv) throws Exception {
        String boundary = "----turnstile-it-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"macs.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        var request = HttpRequest.newBuilder(URI.create(TurnstileUnderTest.HTTP + "/api/v1/orgs/" + org + "/usermacs/import"))
                .header("Authorization", "Token " + TurnstileUnderTest.TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
