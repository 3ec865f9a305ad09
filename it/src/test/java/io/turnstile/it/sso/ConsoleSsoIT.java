package io.turnstile.it.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.turnstile.it.TurnstileUnderTest;

/**
 * Admin SSO in a real browser: Debian's headless chromium (Selenium, Debian's chromedriver) through the console's
 * "Sign in with SSO" or Keycloak's IdP-initiated URL, Keycloak's real login page, Turnstile's ACS, and the console.
 * One SAML SSO configured from Keycloak's metadata with {@code email_domains: [console.example]}; users and their
 * {@code Role} values (console-ops → write, console-reader → read, console-unknown / console-nobody → no ssorole) come
 * from the realm fixture. Each browser starts clean (no Keycloak session carried between tests). A screenshot of
 * each page goes to {@code it/target/screenshots/sso-*.png}.
 */
@EnabledIfSystemProperty(named = "turnstile.it", matches = "true")
@EnabledIfSystemProperty(named = "turnstile.keycloak", matches = "http.+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSsoIT {

    static final String KEYCLOAK = System.getProperty("turnstile.keycloak");
    static final String REALM = KEYCLOAK + "/realms/turnstile";
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String LOCAL_PASSWORD = "it-console-sso-local-42";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static String org;
    static String ssoPath;
    static String domain;
    static String acsUrl;
    static String idpInitiatedName;
    static String localAdmin;
    static final List<String> cleanup = new ArrayList<>();

    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void configureSso() throws Exception {
        org = TurnstileUnderTest.orgId();
        String run = UUID.randomUUID().toString().substring(0, 8);
        var created = TurnstileUnderTest.post("/api/v1/orgs/" + org + "/ssos", Json.createObjectBuilder()
                .add("name", "console-" + run).add("idp_type", "saml")
                .add("idp_metadata", new IdpBrowser().get(REALM + "/protocol/saml/descriptor"))
                .add("email_domains", Json.createArrayBuilder().add("console.example")).build().toString());
        assertEquals(200, created.status(), created.body());
        domain = created.json().getString("domain");
        ssoPath = "/api/v1/orgs/" + org + "/ssos/" + created.json().getString("id");
        cleanup.add(ssoPath);
        acsUrl = TurnstileUnderTest.get(ssoPath + "/metadata").json().getString("acs_url");
        for (String[] role : new String[][] {{"console-ops", "write"}, {"console-reader", "read"}}) {
            var r = TurnstileUnderTest.post("/api/v1/orgs/" + org + "/ssoroles", """
                    {"name": "%s", "privileges": [{"scope": "org", "role": "%s"}]}""".formatted(role[0], role[1]));
            assertEquals(200, r.status(), r.body());
            cleanup.add("/api/v1/orgs/" + org + "/ssoroles/" + r.json().getString("id"));
        }
        idpInitiatedName = "console-" + domain;
        KeycloakAdminSsoIT.createKeycloakClient(acsUrl, idpInitiatedName);

        localAdmin = "console-sso-local-" + run + "@example.com";
        var admin = TurnstileUnderTest.post("/api/v1/orgs/" + org + "/admins", """
                {"email": "%s", "password": "%s", "first_name": "Local", "last_name": "Admin",
                 "privileges": [{"scope": "org", "role": "admin"}]}""".formatted(localAdmin, LOCAL_PASSWORD));
        assertEquals(200, admin.status(), admin.body());
        cleanup.add("/api/v1/orgs/" + org + "/admins/" + admin.json().getString("id"));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void removeSsoRolesAdminAndSso() {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            TurnstileUnderTest.delete(cleanup.get(i));
        }
    }

    @BeforeEach
    void cleanBrowser() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000");
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    static void settings(String json) {
        var r = TurnstileUnderTest.put(ssoPath, json);
        assertEquals(200, r.status(), r.body());
    }

    void shot(String name) throws IOException {
        Files.write(SHOTS.resolve("sso-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    WebElement visible(String cssSelector) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    String bodyText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** Keycloak's own login page (theme keycloak.v2): username, password, Sign In. */
    void keycloakLogin(String user, String shotName) throws IOException {
        visible("#username").sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-pw-1");
        if (shotName != null) {
            shot(shotName);
        }
        browser.findElement(By.id("kc-login")).click();
    }

    /** SP-initiated: the console's "Sign in with SSO" with the email, then Keycloak's login page. */
    void spInitiated(String user) throws IOException {
        browser.get(TurnstileUnderTest.HTTP + "/console/login.xhtml");
        visible("#login\\:email").sendKeys(user + "@console.example");
        browser.findElement(By.id("login:sso")).click();
        wait.until(ExpectedConditions.urlContains("/realms/turnstile/"));
        assertTrue(browser.getCurrentUrl().startsWith(REALM + "/protocol/saml"), browser.getCurrentUrl());
        keycloakLogin(user, "keycloak-login");
    }

    /** IdP-initiated: Keycloak's URL for the client ({@code saml_idp_initiated_sso_url_name}). */
    void idpInitiated(String user) throws IOException {
        browser.get(REALM + "/protocol/saml/clients/" + idpInitiatedName);
        keycloakLogin(user, null);
    }

    String landsOnDashboardWithRole() {
        wait.until(ExpectedConditions.urlContains("/console/dashboard.xhtml"));
        return visible("#ts-role").getText();
    }

    /** The refusal page at the ACS: the reason named, and no redirect anywhere (so no loop). */
    void refusedWith(String reason) {
        WebElement p = visible("#reason");
        assertEquals(reason, p.getAttribute("data-reason"), bodyText());
        assertEquals("Sign-in refused", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.getCurrentUrl().startsWith(acsUrl), "stays at the ACS: " + browser.getCurrentUrl());
        assertTrue(browser.findElements(By.cssSelector("meta[http-equiv='refresh' i]")).isEmpty(), "no refresh");
        assertTrue(browser.findElements(By.tagName("form")).isEmpty(), "no form to auto-submit");
        assertTrue(browser.manage().getCookieNamed("sessionid") == null, "no session");
    }

    static String failures() {
        var f = TurnstileUnderTest.get(ssoPath + "/failures?duration=1h");
        assertEquals(200, f.status(), f.body());
        return f.body();
    }

    HttpResponse<String> withBrowserSession(String method, String path, String json) throws Exception {
        Cookie session = browser.manage().getCookieNamed("sessionid");
        Cookie csrf = browser.manage().getCookieNamed("csrftoken");
        assertNotNull(session, "the SSO login set the session cookie");
        assertNotNull(csrf);
        var b = HttpRequest.newBuilder(URI.create(TurnstileUnderTest.HTTP + path))
                .header("Cookie", "sessionid=" + session.getValue() + "; csrftoken=" + csrf.getValue())
                .header("X-CSRFToken", csrf.getValue());
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void spInitiatedLoginThroughKeycloakLandsOnTheDashboardWithTheMappedRole() throws Exception {
        settings("""
                {"ignore_unmatched_roles": false, "default_role": null, "disabled": false}""");
        spInitiated("erin");
        assertEquals("write", landsOnDashboardWithRole(), "console-ops maps to write");
        assertTrue(browser.findElement(By.id("ts-user")).getText().contains("Erin"), bodyText());
        shot("dashboard-sp-initiated");
        var self = withBrowserSession("GET", "/api/v1/self", null);
        assertEquals(200, self.statusCode(), self.body());
        assertTrue(self.body().contains("erin@console.example"), self.body());
    }

    @Test
    @Order(2)
    void idpInitiatedLoginLandsOnTheDashboard() throws Exception {
        idpInitiated("frank");
        assertEquals("read", landsOnDashboardWithRole(), "console-reader maps to read");
        shot("dashboard-idp-initiated");
    }

    @Test
    @Order(3)
    void aReadOnlySsoUserSeesNoSaveControlsAndAForcedChangeIsRefused() throws Exception {
        idpInitiated("frank");
        assertEquals("read", landsOnDashboardWithRole());
        browser.get(TurnstileUnderTest.HTTP + "/console/endpoints.xhtml");
        visible("#endpoints\\:table");
        assertTrue(browser.findElements(By.id("endpoints:add")).isEmpty(), "no Add for read");
        assertTrue(browser.findElements(By.id("endpoints:save")).isEmpty(), "no Save for read");
        assertTrue(browser.findElements(By.id("import:upload")).isEmpty(), "no Import for read");
        assertTrue(browser.findElements(By.id("nav-admins")).isEmpty(), "no admin pages in the navigation");
        shot("endpoints-read-only");
        browser.get(TurnstileUnderTest.HTTP + "/console/sso-roles.xhtml");
        assertTrue(bodyText().contains("403"), "SSO roles refused to a reader: " + bodyText());
        shot("sso-roles-refused");

        String mac = "0c5e" + Integer.toHexString(Math.abs(domain.hashCode()) % 0xffff | 0x1000) + "a0b2";
        var forced = withBrowserSession("POST", "/api/v1/orgs/" + org + "/usermacs", "{\"mac\": \"" + mac + "\"}");
        assertEquals(403, forced.statusCode(), "the read-only SSO session cannot change: " + forced.body());
        var sso = withBrowserSession("PUT", ssoPath, "{\"name\": \"taken-over\"}");
        assertEquals(403, sso.statusCode(), sso.body());
        assertTrue(TurnstileUnderTest.get("/api/v1/orgs/" + org + "/usermacs/search?mac=" + mac).array().isEmpty());
    }

    @Test
    @Order(4)
    void anUnmatchedRoleShowsTheReasonAndIsListed() throws Exception {
        settings("""
                {"ignore_unmatched_roles": false, "default_role": null}""");
        idpInitiated("grace");
        refusedWith("UNMATCHED_ROLE");
        assertTrue(bodyText().contains("An asserted role matches no SSO role"), bodyText());
        shot("refused-unmatched-role");
        assertTrue(failures().contains("console-unknown"), "the failure names the role: " + failures());
    }

    @Test
    @Order(5)
    void ignoreUnmatchedRolesAdmitsWithTheMatchedRoles() throws Exception {
        settings("""
                {"ignore_unmatched_roles": true, "default_role": null}""");
        try {
            idpInitiated("grace");
            assertEquals("read", landsOnDashboardWithRole(), "console-reader matched, console-unknown ignored");
            shot("dashboard-ignore-unmatched");
        } finally {
            settings("""
                    {"ignore_unmatched_roles": false}""");
        }
    }

    @Test
    @Order(6)
    void defaultRoleAppliesWhenNoAssertedRoleMatches() throws Exception {
        settings("""
                {"ignore_unmatched_roles": false, "default_role": null}""");
        idpInitiated("heidi");
        refusedWith("NO_ROLE_MATCHED");
        shot("refused-no-role");
        assertTrue(failures().contains("no default role is set"), failures());

        settings("""
                {"default_role": "console-reader"}""");
        try {
            closeBrowser();   // a new browser: no Keycloak session, so Keycloak shows its login page again
            cleanBrowser();
            idpInitiated("heidi");
            assertEquals("read", landsOnDashboardWithRole(), "default_role console-reader");
            shot("dashboard-default-role");
        } finally {
            settings("""
                    {"default_role": null}""");
        }
    }

    @Test
    @Order(7)
    void aDisabledSsoRefusesItsLoginsWhileLocalLoginWorks() throws Exception {
        settings("""
                {"disabled": true}""");
        try {
            assertTrue(TurnstileUnderTest.get(ssoPath).json().getBoolean("disabled"));
            idpInitiated("erin");
            refusedWith("SSO_DISABLED");
            shot("refused-disabled");
            assertTrue(failures().contains("This SSO is disabled"), failures());

            browser.manage().deleteAllCookies();
            browser.get(TurnstileUnderTest.HTTP + "/console/login.xhtml");
            visible("#login\\:email").sendKeys("erin@console.example");
            browser.findElement(By.id("login:sso")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"),
                    "No SSO is configured for this email"));
            shot("login-sso-disabled");
            var lookup = TurnstileUnderTest.call("POST", "/api/v1/login/lookup", null, "application/json",
                    "{\"email\": \"newcomer@console.example\"}");
            assertEquals(404, lookup.status(), "lookup offers a disabled SSO to no one: " + lookup.body());

            WebElement email = browser.findElement(By.id("login:email"));
            email.clear();
            email.sendKeys(localAdmin);
            browser.findElement(By.id("login:password")).sendKeys(LOCAL_PASSWORD);
            browser.findElement(By.id("login:signIn")).click();
            assertEquals("admin", landsOnDashboardWithRole(), "the emergency path: local login");
            shot("dashboard-local-while-disabled");
        } finally {
            settings("""
                    {"disabled": false}""");
        }
    }

    @Test
    @Order(8)
    void logoutEndsTheSessionAndReturnsToTheLoginPage() throws Exception {
        spInitiated("erin");
        assertEquals("write", landsOnDashboardWithRole());
        Cookie session = browser.manage().getCookieNamed("sessionid");
        visible("#logoutForm\\:logout").click();
        wait.until(ExpectedConditions.urlContains("/console/login.xhtml"));
        shot("login-after-logout");
        HttpResponse<String> self = HTTP.send(HttpRequest.newBuilder(URI.create(TurnstileUnderTest.HTTP
                + "/api/v1/self")).header("Cookie", "sessionid=" + session.getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, self.statusCode(), "the session is gone");
        browser.get(TurnstileUnderTest.HTTP + "/console/dashboard.xhtml");
        wait.until(ExpectedConditions.urlContains("/console/login.xhtml"));
        assertFalse(bodyText().isBlank());
    }
}
