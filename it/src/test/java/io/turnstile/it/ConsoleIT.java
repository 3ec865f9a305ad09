package io.turnstile.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real browser: Debian's headless chromium driven through Debian's chromedriver (Selenium, no
 * driver downloads). Local login lands on the dashboard with the role, every page renders, endpoints are added,
 * edited, deleted and imported (a bad CSV line shows its error), a read-only admin sees no save controls and a POST
 * forged for them changes nothing, and logout ends the session the REST API shares. A screenshot of each page goes
 * to {@code it/target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    static final String PASSWORD = "it-console-password-42";
    static final Path SHOTS = Path.of("target", "screenshots");

    static WebDriver browser;
    static WebDriverWait wait;
    static String org;
    static String run;
    static String adminEmail;
    static String readerEmail;

    @BeforeAll
    static void setUp() throws IOException {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        org = TurnstileUnderTest.orgId();
        run = UUID.randomUUID().toString().substring(0, 8);
        adminEmail = "console-admin-" + run + "@example.com";
        readerEmail = "console-reader-" + run + "@example.com";
        AdminSession.createAdmin(org, adminEmail, PASSWORD, "admin");
        AdminSession.createAdmin(org, readerEmail, PASSWORD, "read");
        Files.createDirectories(SHOTS);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000");
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // ajax updates replace table rows while a wait looks at them
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    static void open(String page) {
        browser.get(TurnstileUnderTest.HTTP + "/console/" + page);
    }

    static void shot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    static WebElement visible(String cssSelector) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    static void signIn(String email) {
        browser.manage().deleteAllCookies();
        open("login.xhtml");
        visible("#login\\:email").sendKeys(email);
        browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login:signIn")).click();
        wait.until(ExpectedConditions.urlContains("dashboard.xhtml"));
    }

    /** The console's session cookies, as the REST API reads them. */
    static Map<String, String> sessionCookies() {
        Cookie session = browser.manage().getCookieNamed("sessionid");
        Cookie csrf = browser.manage().getCookieNamed("csrftoken");
        assertNotNull(session, "the console login sets the REST API's session cookie");
        assertNotNull(csrf);
        return Map.of("sessionid", session.getValue(), "csrftoken", csrf.getValue());
    }

    static String bodyText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    static boolean usermacExists(String mac) {
        return !TurnstileUnderTest.get("/api/v1/orgs/" + org + "/usermacs/search?mac=" + mac).array().isEmpty();
    }

    @Test
    @Order(1)
    void anUnknownPasswordIsRefusedAndSsoLookupSaysNoneIsConfigured() throws IOException {
        browser.manage().deleteAllCookies();
        open("dashboard.xhtml");
        wait.until(ExpectedConditions.urlContains("login.xhtml"));
        visible("#login\\:email").sendKeys(adminEmail);
        browser.findElement(By.id("login:password")).sendKeys("not-the-password");
        browser.findElement(By.id("login:signIn")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"),
                "Invalid email or password"));
        browser.findElement(By.id("login:email")).clear();
        browser.findElement(By.id("login:email")).sendKeys("nobody-" + run + "@example.com");
        browser.findElement(By.id("login:sso")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"),
                "No SSO is configured for this email"));
        shot("login");
        assertTrue(browser.getCurrentUrl().contains("login.xhtml"));
    }

    @Test
    @Order(2)
    void localLoginLandsOnTheDashboardShowingOrgUserAndRole() throws IOException {
        signIn(adminEmail);
        assertEquals("admin", visible("#ts-role").getText());
        assertTrue(browser.findElement(By.id("ts-user")).getText().contains("IT"), bodyText());
        assertTrue(bodyText().contains("Accepts (24 h)"), bodyText());
        visible("#overTime canvas");
        shot("dashboard");
        var self = AdminSession.send("GET", "/api/v1/self", sessionCookies(), Map.of(), null);
        assertEquals(200, self.status(), "the console's session is the REST API's: " + self.body());
        assertEquals(adminEmail, self.plain().json().getString("email"));
    }

    @Test
    @Order(3)
    void theEventsPageShowsAServerPagedTableWithEventDetails() throws IOException {
        org = TurnstileUnderTest.ensureRadiusClients();
        String mac = "0c1f" + Integer.toHexString(Math.abs(run.hashCode()) % 0xffff | 0x1000) + "e0f1";
        var created = TurnstileUnderTest.post("/api/v1/orgs/" + org + "/usermacs",
                "{\"mac\": \"" + mac + "\", \"vlan\": \"42\"}");
        assertEquals(200, created.status(), created.body());
        assertTrue(Radclient.auth(Radclient.mab(mac)).accepted());
        signIn(adminEmail);
        open("events.xhtml");
        assertEquals("NAC events", visible("h1").getText());
        visible("#events\\:mac").sendKeys(mac);
        // Events are written off the request path (JMS): apply the filter until the event is there.
        wait.until(d -> {
            d.findElement(By.id("events:apply")).click();
            return !d.findElements(By.cssSelector("#events\\:table .details")).isEmpty();
        });
        shot("events");
        visible("#events\\:table .details").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("events:facts"), "nas_ip"));
        assertTrue(browser.findElement(By.id("events:facts")).getText().contains("NAC_CLIENT_PERMIT"));
        // textContent: the dialog scrolls, and rows below its fold are not "visible" text
        String reply = browser.findElement(By.id("events:replyAttributes")).getAttribute("textContent");
        assertTrue(reply.contains("Tunnel-Private-Group-Id = \"42\""), "the reply attributes carry the VLAN: " + reply);
        shot("events-detail");
        assertEquals(200, TurnstileUnderTest.delete("/api/v1/orgs/" + org + "/usermacs/"
                + created.json().getString("id")).status());
    }

    @Test
    @Order(3)
    void everyPageRendersForAnAdmin() throws IOException {
        signIn(adminEmail);
        Map<String, String> pages = Map.of("clients.xhtml", "NAC clients", "radius-clients.xhtml", "RADIUS clients",
                "admins.xhtml", "Admins", "sso-roles.xhtml", "SSO roles", "api-tokens.xhtml", "API tokens",
                "audit.xhtml", "Audit log", "labels.xhtml", "Labels", "rules.xhtml", "Rules",
                "certificates.xhtml", "Certificates", "sso-settings.xhtml", "SSO settings");
        for (var page : pages.entrySet()) {
            open(page.getKey());
            assertEquals(page.getValue(), visible("h1").getText(), page.getKey() + ": " + bodyText());
            shot(page.getKey().replace(".xhtml", ""));
        }
        open("admins.xhtml");
        assertTrue(bodyText().contains(readerEmail), "the admins page lists the org's admins");
        open("audit.xhtml");
        assertTrue(bodyText().contains("Login"), "the audit log shows the logins: " + bodyText());
    }

    @Test
    @Order(4)
    void aNewApiTokensKeyIsShownOnceAndWorks() {
        signIn(adminEmail);
        open("api-tokens.xhtml");
        visible("#tokens\\:name").sendKeys("console-token-" + run);
        browser.findElement(By.id("tokens:create")).click();
        String key = visible("#createdKey").getText();
        assertTrue(key.length() >= 32, key);
        assertEquals(200, TurnstileUnderTest.call("GET", "/api/v1/self", key, null, null).status(),
                "the key shown is a working API token");
        open("api-tokens.xhtml");
        assertTrue(bodyText().contains("console-token-" + run));
        assertFalse(bodyText().contains(key), "the key is not shown again");
        assertTrue(browser.findElements(By.id("createdKey")).isEmpty());
    }

    @Test
    @Order(4)
    void radiusSecretsAreMaskedUntilAnAdminRevealsThem() {
        TurnstileUnderTest.ensureRadiusClients();
        signIn(adminEmail);
        open("radius-clients.xhtml");
        visible("#radius\\:table");
        assertFalse(bodyText().contains(TurnstileUnderTest.SECRET), "masked");
        assertTrue(bodyText().contains("••••••••"));
        browser.findElement(By.cssSelector(".reveal")).click();
        wait.until(d -> bodyText().contains(TurnstileUnderTest.SECRET)
                || bodyText().contains(TurnstileUnderTest.OPT_OUT_SECRET));
    }

    @Test
    @Order(4)
    void anEndpointIsAddedEditedAndDeleted() throws IOException {
        signIn(adminEmail);
        open("endpoints.xhtml");
        String mac = "02c0" + run.substring(0, 8).replaceAll("[^0-9a-f]", "0");
        mac = "0c" + mac.substring(2);
        visible("#endpoints\\:add").click();
        visible("#endpoints\\:mac").sendKeys(mac);
        browser.findElement(By.id("endpoints:name")).sendKeys("console printer");
        browser.findElement(By.id("endpoints:vlan")).sendKeys("101");
        browser.findElement(By.id("endpoints:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Added " + mac));
        assertTrue(usermacExists(mac), "the console created the usermac through the same service");

        WebElement search = browser.findElement(By.id("endpoints:search"));
        search.clear();
        search.sendKeys(mac);
        browser.findElement(By.id("endpoints:find")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("endpoints:table"), "console printer"));
        shot("endpoints");
        browser.findElement(By.cssSelector("[id$=':editRow']")).click();
        WebElement name = visible("#endpoints\\:name");
        wait.until(d -> "console printer".equals(name.getAttribute("value")));
        name.clear();
        name.sendKeys("console scanner");
        browser.findElement(By.id("endpoints:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("endpoints:table"), "console scanner"));
        assertEquals("console scanner", TurnstileUnderTest.get("/api/v1/orgs/" + org + "/usermacs/search?mac=" + mac)
                .array().getJsonObject(0).getString("name"));

        browser.findElement(By.cssSelector("[id$=':deleteRow']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Deleted " + mac));
        assertFalse(usermacExists(mac), "deleted through the console");
    }

    @Test
    @Order(5)
    void aCsvImportWithABadLineShowsThatLinesErrorAndWritesNothing() throws IOException {
        signIn(adminEmail);
        open("endpoints.xhtml");
        String good = "0c1d" + Integer.toHexString(Math.abs(run.hashCode()) % 0xffff | 0x1000) + "a0b1";
        Path csv = Files.createTempFile("usermacs", ".csv");
        Files.writeString(csv, "mac,name\n" + good + ",good one\nnot-a-mac,bad one\n");
        visible("#import\\:file").sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("import:upload")).click();
        WebElement errors = visible("#importErrors li");
        assertTrue(errors.getText().startsWith("line 3"), bodyText());
        shot("endpoints-import-error");
        assertFalse(usermacExists(good), "an import with a bad line writes nothing");

        Files.writeString(csv, "mac,name\n" + good + ",good one\n");
        visible("#import\\:file").sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("import:upload")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "1 added"));
        assertTrue(usermacExists(good));
        Files.deleteIfExists(csv);
        var found = TurnstileUnderTest.get("/api/v1/orgs/" + org + "/usermacs/search?mac=" + good).array();
        assertEquals(200, TurnstileUnderTest.delete("/api/v1/orgs/" + org + "/usermacs/"
                + found.getJsonObject(0).getString("id")).status());
    }

    /** The table row (tr) whose text contains {@code text}. */
    static WebElement row(String tableId, String text) {
        return wait.until(d -> d.findElements(By.cssSelector("[id='" + tableId + "'] tbody tr")).stream()
                .filter(tr -> tr.getText().contains(text)).findFirst().orElse(null));
    }

    static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("openssl"));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0,
                String.join(" ", command) + ": " + out);
    }

    @Test
    @Order(5)
    void aWriteAdminMakesALabelAndARuleSeesItsHitCountMoveAfterMabAndTestsThePolicy() throws IOException {
        org = TurnstileUnderTest.ensureRadiusClients();
        String mac = "0c2a" + Integer.toHexString(Math.abs(run.hashCode()) % 0xffff | 0x1000) + "b0c1";
        String label = "console-" + run;
        String rule = "Console rule " + run;
        signIn(adminEmail);
        open("labels.xhtml");
        visible("#labels\\:add").click();
        visible("#labels\\:name").sendKeys(label);
        browser.findElement(By.id("labels:values")).sendKeys(mac);
        browser.findElement(By.id("labels:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Added label " + label));
        assertTrue(row("labels:table", label).getText().contains("client_mac in " + mac), bodyText());
        shot("labels");

        open("rules.xhtml");
        visible("#rules\\:add").click();
        visible("#rules\\:name").sendKeys(rule);
        WebElement order = browser.findElement(By.id("rules:order"));
        order.clear();
        order.sendKeys("0");
        browser.findElements(By.cssSelector("[id='rules:matching'] li")).stream()
                .filter(li -> li.getText().equals(label)).findFirst().orElseThrow().click();
        browser.findElement(By.id("rules:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Added rule " + rule));
        var stored = TurnstileUnderTest.get("/api/v1/orgs/" + org + "/nacrules").array().stream()
                .map(v -> v.asJsonObject()).filter(r -> r.getString("name").equals(rule)).findFirst().orElseThrow();
        assertEquals("allow", stored.getString("action"));
        assertEquals(1, stored.getJsonObject("matching").getJsonArray("nactags").size(), stored.toString());
        assertEquals("0", row("rules:table", rule).findElement(By.cssSelector(".hits-60m")).getText());

        assertTrue(Radclient.auth(Radclient.mab(mac)).accepted(), "the console's rule allows the MAC");
        // Hit counts come from the stored events, written off the request path (JMS): reload until it shows.
        wait.until(d -> {
            open("rules.xhtml");
            return "1".equals(row("rules:table", rule).findElement(By.cssSelector(".hits-60m")).getText());
        });
        shot("rules");

        // The policy test: the MAC matches the new rule; another MAC shows the rule's first failed condition.
        visible("#test\\:mac").sendKeys(mac);
        browser.findElement(By.id("test:run")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("decision"), "allow"));
        assertEquals(rule, browser.findElement(By.id("matchedRule")).getText());
        WebElement other = browser.findElement(By.id("test:mac"));
        other.clear();
        other.sendKeys("0c2a00000001");
        browser.findElement(By.id("test:run")).click();
        wait.until(d -> !row("test:trace", rule).findElement(By.cssSelector(".failed")).getText().isBlank());
        WebElement traced = row("test:trace", rule);
        assertTrue(traced.findElement(By.cssSelector(".failed")).getText().contains(label),
                "the first failed condition names the label: " + traced.getText());
        shot("rules-policy-test");

        row("rules:table", rule).findElement(By.cssSelector(".toggle")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Disabled " + rule));
        assertFalse(TurnstileUnderTest.get("/api/v1/orgs/" + org + "/nacrules/" + stored.getString("id")).json()
                .getBoolean("enabled"), "disabled through the console");
        row("rules:table", rule).findElement(By.cssSelector(".delete")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Deleted rule " + rule));
        open("labels.xhtml");
        row("labels:table", label).findElement(By.cssSelector(".delete")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Deleted label " + label));
        assertTrue(TurnstileUnderTest.get("/api/v1/orgs/" + org + "/nactags?name=" + label).array().isEmpty());
    }

    @Test
    @Order(5)
    void certificatesShowTheServerCertificateInUseAndACrlIsUploadedAndDeleted() throws Exception {
        Path dir = Files.createTempDirectory("console-crl");
        Files.writeString(dir.resolve("ca.cnf"), """
                [ca]
                default_ca = it
                [it]
                database = index.txt
                crlnumber = crlnumber
                default_md = sha256
                default_crl_days = 7
                """);
        Files.writeString(dir.resolve("index.txt"), "");
        Files.writeString(dir.resolve("crlnumber"), "01\n");
        String cn = "Console IT CA " + run;
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "2", "-subj", "/CN=" + cn);
        openssl(dir, "ca", "-batch", "-config", "ca.cnf", "-keyfile", "ca.key", "-cert", "ca.pem", "-gencrl",
                "-out", "it.crl");

        signIn(adminEmail);
        open("certificates.xhtml");
        String caSubject = visible("[id='ca:caSubject']").getText();
        assertFalse(caSubject.isBlank());
        assertEquals(caSubject, browser.findElement(By.id("ca:serverIssuer")).getText(),
                "the EAP server certificate in use is issued by the org CA");
        assertTrue(browser.findElement(By.id("ca:serverSan")).getText().contains("DNS:"), bodyText());
        assertTrue(browser.findElement(By.id("ca:trusted")).getText().contains(caSubject));
        browser.findElement(By.id("crls:file")).sendKeys(dir.resolve("it.crl").toString());
        browser.findElement(By.id("crls:upload")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Added CRL"));
        assertTrue(row("crls:table", cn).getText().contains(cn), bodyText());
        assertTrue(TurnstileUnderTest.get("/api/v1/orgs/" + org + "/setting/mist_nac_crls").body().contains(cn),
                "uploaded through the same service");
        shot("certificates");
        row("crls:table", cn).findElement(By.cssSelector(".delete")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Deleted CRL"));
        assertFalse(TurnstileUnderTest.get("/api/v1/orgs/" + org + "/setting/mist_nac_crls").body().contains(cn));
    }

    @Test
    @Order(5)
    void theSsoFailuresPageShowsARefusedLoginWithItsAssertionEscaped() throws Exception {
        String caPem = TurnstileUnderTest.get("/api/v1/orgs/" + org + "/cert").json().getString("cert");
        String name = "console-saml-" + run;
        var created = TurnstileUnderTest.post("/api/v1/orgs/" + org + "/ssos", jakarta.json.Json.createObjectBuilder()
                .add("name", name).add("idp_type", "saml").add("issuer", "https://idp.example.com/" + run)
                .add("idp_sso_url", "https://idp.example.com/sso").add("idp_cert", caPem).build().toString());
        assertEquals(200, created.status(), created.body());
        String domain = created.json().getString("domain");
        String assertion = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<script>window.consoleInjected=1</script></samlp:Response>";
        String form = "SAMLResponse=" + java.net.URLEncoder.encode(java.util.Base64.getEncoder().encodeToString(
                assertion.getBytes(java.nio.charset.StandardCharsets.UTF_8)), java.nio.charset.StandardCharsets.UTF_8);
        var refused = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(TurnstileUnderTest.HTTP + "/api/v1/saml/" + domain + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode(), refused.body());
        try {
            signIn(adminEmail);
            open("sso-settings.xhtml");
            WebElement sso = row("ssos:table", name);
            assertTrue(sso.findElement(By.cssSelector(".metadata")).getAttribute("href").endsWith("/metadata.xml"));
            sso.findElement(By.cssSelector(".failures")).click();
            WebElement shown = visible(".assertion");
            assertTrue(shown.getText().contains("<script>window.consoleInjected=1</script>"),
                    "the assertion is shown as text: " + shown.getText());
            assertTrue(browser.findElements(By.cssSelector(".assertion script")).isEmpty(), "and not as markup");
            assertEquals(null, ((JavascriptExecutor) browser).executeScript("return window.consoleInjected || null;"));
            assertFalse(browser.findElement(By.cssSelector(".failure-reason")).getText().isBlank());
            shot("sso-failures");
        } finally {
            assertEquals(200, TurnstileUnderTest.delete("/api/v1/orgs/" + org + "/ssos/"
                    + created.json().getString("id")).status());
        }
    }

    @Test
    @Order(5)
    void anAdminChangesAnotherAdminsRole() {
        String other = "console-other-" + run + "@example.com";
        AdminSession.createAdmin(org, other, PASSWORD, "read");
        signIn(adminEmail);
        open("admins.xhtml");
        WebElement r = row("admins:table", other);
        r.findElement(By.cssSelector(".role")).click();
        wait.until(d -> d.findElements(By.cssSelector(".ui-selectonemenu-panel li")).stream()
                .filter(WebElement::isDisplayed).filter(li -> li.getText().equals("write")).findFirst()
                .map(li -> { li.click(); return true; }).orElse(false));
        r.findElement(By.cssSelector(".setRole")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), other + " is now write"));
        var stored = TurnstileUnderTest.get("/api/v1/orgs/" + org + "/admins").array().stream()
                .map(v -> v.asJsonObject()).filter(a -> other.equals(a.getString("email", ""))).findFirst()
                .orElseThrow();
        assertTrue(stored.getJsonArray("privileges").toString().contains("\"write\""), stored.toString());
    }

    @Test
    @Order(6)
    void aReadOnlyAdminSeesNoPolicyOrCertificateControlsAndAForgedLabelSaveChangesNothing() throws IOException {
        signIn(readerEmail);
        open("labels.xhtml");
        visible("#labels\\:table");
        assertTrue(browser.findElements(By.id("labels:add")).isEmpty(), "no Add for read");
        assertTrue(browser.findElements(By.id("labels:save")).isEmpty(), "no Save for read");
        open("rules.xhtml");
        visible("#rules\\:table");
        assertTrue(browser.findElements(By.id("rules:add")).isEmpty(), "no Add for read");
        assertTrue(browser.findElements(By.cssSelector("#rules\\:table .delete")).isEmpty(), "no Delete for read");
        assertFalse(browser.findElements(By.id("test:run")).isEmpty(), "the policy test is a read operation");
        shot("rules-read-only");
        open("certificates.xhtml");
        visible("[id='ca:caSubject']");
        assertTrue(browser.findElements(By.id("crls:upload")).isEmpty(), "no CRL upload for read");
        open("sso-settings.xhtml");
        visible("#ssos\\:table");
        assertTrue(browser.findElements(By.id("ssos:add")).isEmpty(), "no SSO changes for read");

        open("labels.xhtml");
        visible("#labels\\:table");
        String label = "forged-" + run;
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = new URLSearchParams();
                form.set('labels', 'labels');
                form.set('jakarta.faces.ViewState', document.querySelector("input[name='jakarta.faces.ViewState']").value);
                form.set('jakarta.faces.partial.ajax', 'true');
                form.set('jakarta.faces.source', 'labels:save');
                form.set('jakarta.faces.partial.execute', 'labels:save labels:editFields');
                form.set('labels:save', 'labels:save');
                form.set('labels:name', arguments[0]);
                form.set('labels:type_input', 'match');
                form.set('labels:match_input', 'client_mac');
                form.set('labels:values', '0c2a00000002');
                fetch(location.pathname, {method: 'POST', body: form, headers: {'Faces-Request': 'partial/ajax'}})
                    .then(r => done(r.status), e => done('error ' + e));
                """, label);
        assertNotNull(status);
        assertTrue(TurnstileUnderTest.get("/api/v1/orgs/" + org + "/nactags?name=" + label).array().isEmpty(),
                "a forged save of a read-only admin creates no label (status " + status + ")");
    }

    @Test
    @Order(6)
    void aReadOnlyAdminSeesNoSaveControlsAndAForgedPostChangesNothing() throws IOException {
        signIn(readerEmail);
        assertEquals("read", visible("#ts-role").getText());
        open("endpoints.xhtml");
        visible("#endpoints\\:table");
        assertTrue(browser.findElements(By.id("endpoints:add")).isEmpty(), "no Add for read");
        assertTrue(browser.findElements(By.id("endpoints:save")).isEmpty(), "no Save for read");
        assertTrue(browser.findElements(By.id("import:upload")).isEmpty(), "no Import for read");
        shot("endpoints-read-only");
        assertTrue(browser.findElements(By.id("nav-admins")).isEmpty(), "no admin pages in a reader's navigation");
        open("radius-clients.xhtml");
        visible("#radius\\:table");
        assertTrue(browser.findElements(By.cssSelector(".reveal")).isEmpty(), "no Reveal for read");
        assertTrue(browser.findElements(By.id("radius:add")).isEmpty(), "no Add for read");
        open("admins.xhtml");
        assertTrue(bodyText().contains("403"), "the admins page is refused to a reader: " + bodyText());
        assertFalse(bodyText().contains(adminEmail));
        open("endpoints.xhtml");
        visible("#endpoints\\:table");

        // A POST as the admin's Save button would send it, with this view's valid ViewState.
        String mac = "0c1e" + Integer.toHexString(Math.abs(run.hashCode()) % 0xffff | 0x1000) + "c0d1";
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = new URLSearchParams();
                form.set('endpoints', 'endpoints');
                form.set('jakarta.faces.ViewState', document.querySelector("input[name='jakarta.faces.ViewState']").value);
                form.set('jakarta.faces.partial.ajax', 'true');
                form.set('jakarta.faces.source', 'endpoints:save');
                form.set('jakarta.faces.partial.execute', 'endpoints:save endpoints:editFields');
                form.set('endpoints:save', 'endpoints:save');
                form.set('endpoints:mac', arguments[0]);
                fetch(location.pathname, {method: 'POST', body: form, headers: {'Faces-Request': 'partial/ajax'}})
                    .then(r => done(r.status), e => done('error ' + e));
                """, mac);
        assertNotNull(status);
        assertFalse(usermacExists(mac), "a forged save of a read-only admin creates nothing (status " + status + ")");

        var rest = AdminSession.send("POST", "/api/v1/orgs/" + org + "/usermacs", sessionCookies(),
                Map.of("X-CSRFToken", sessionCookies().get("csrftoken")), "{\"mac\": \"" + mac + "\"}");
        assertEquals(403, rest.status(), "the same session is read-only on the REST API too");
    }

    @Test
    @Order(7)
    void logoutEndsTheSharedSession() {
        signIn(adminEmail);
        Map<String, String> cookies = sessionCookies();
        visible("#logoutForm\\:logout").click();
        wait.until(ExpectedConditions.urlContains("login.xhtml"));
        assertEquals(401, AdminSession.send("GET", "/api/v1/self", cookies, Map.of(), null).status(),
                "logout closed the session the REST API shares");
        open("dashboard.xhtml");
        wait.until(ExpectedConditions.urlContains("login.xhtml"));
    }
}
