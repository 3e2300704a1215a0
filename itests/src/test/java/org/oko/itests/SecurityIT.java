package org.oko.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/** Login, sessions, CSRF, lockout, one-time passwords and scopes, through HTTP in the real distribution. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SecurityIT extends OkoContainerTest {

    private static final String NEW_PASSWORD = "Новый-пароль-2026";

    @Test
    public void anonymousCallersReachOnlyPublicEndpoints() throws Exception {
        assertEquals(401, get(WebSession.NONE, "/api/catalog/territories").statusCode());
        assertEquals(401, get(WebSession.NONE, "/api/users").statusCode());
        assertEquals(200, get(WebSession.NONE, "/api/health").statusCode());
        assertEquals(200, get(WebSession.NONE, "/").statusCode());
    }

    @Test
    public void sessionCookieIsHttpOnlySameSiteAndExpires() throws Exception {
        HttpResponse<String> response = send(WebSession.NONE, "POST", "/api/auth/login", "application/json",
                JSON.writeValueAsBytes(Map.of("login", "admin", "password", adminPassword())));
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie, cookie.startsWith("OKO_SESSION="));
        assertTrue(cookie, cookie.contains("HttpOnly"));
        assertTrue(cookie, cookie.contains("SameSite=Strict"));
        assertTrue(cookie, cookie.contains("Max-Age=43200"));
        assertFalse(response.body(), response.body().contains(adminPassword()));
    }

    @Test
    public void stateChangingRequestWithoutCsrfTokenIsRejected() throws Exception {
        WebSession admin = admin();
        WebSession noToken = new WebSession(admin.cookie(), null);
        Map<String, Object> territory = Map.of("code", "C1", "name", "Округ CSRF", "type", "CITY_DISTRICT", "version", 0);
        HttpResponse<String> refused = sendJson(noToken, "POST", "/api/catalog/territories", territory);
        assertEquals(refused.body(), 403, refused.statusCode());
        assertEquals(404, get("/api/catalog/territories/C1").statusCode());
        WebSession wrongToken = new WebSession(admin.cookie(), "forged");
        assertEquals(403, sendJson(wrongToken, "POST", "/api/catalog/territories", territory).statusCode());
        assertEquals(201, sendJson(admin, "POST", "/api/catalog/territories", territory).statusCode());
    }

    @Test
    public void bruteForceIsLockedOutForKnownAndUnknownLogins() throws Exception {
        String password = createAccount("brute.known", null, List.of("OBSERVER"), true);
        for (String login : List.of("brute.known", "brute.unknown")) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertEquals(login + " attempt " + attempt, 401, loginStatus(login, "wrong-" + attempt));
            }
            assertEquals(login + " locked", 429, loginStatus(login, "wrong-again"));
        }
        assertEquals("even the right password is refused while locked", 429, loginStatus("brute.known", password));
        JsonNode events = json(get("/api/users/events?max=200"));
        assertTrue(events.toString(), StreamSupport.stream(events.spliterator(), false)
                .anyMatch(e -> "LOCKOUT".equals(e.get("type").asText()) && "brute.known".equals(e.get("login").asText())));
    }

    @Test
    public void oneTimePasswordMustBeChangedAndThenStopsWorking() throws Exception {
        String oneTime = createAccount("otp.user", null, List.of("REGIONAL_COORDINATOR"), true);
        WebSession first = login("otp.user", oneTime);
        JsonNode session = json(get(first, "/api/auth/session"));
        assertTrue(session.get("mustChangePassword").asBoolean());
        assertEquals("no rights before the change", 403, get(first, "/api/catalog/territories").statusCode());

        HttpResponse<String> changed = sendJson(first, "POST", "/api/auth/password",
                Map.of("oldPassword", oneTime, "newPassword", NEW_PASSWORD));
        assertEquals(changed.body(), 200, changed.statusCode());
        WebSession renewed = new WebSession(changed.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0],
                json(changed).get("csrfToken").asText());
        assertEquals(200, get(renewed, "/api/catalog/territories").statusCode());
        assertEquals("the old session ended", 401, get(first, "/api/catalog/territories").statusCode());
        assertEquals("a used one-time password is rejected", 401, loginStatus("otp.user", oneTime));
        assertEquals(200, loginStatus("otp.user", NEW_PASSWORD));

        // A reset issues a new one-time password; the previous password stops working at once.
        String reset = json(send("POST", "/api/users/otp.user/reset-password", "application/json", new byte[0]))
                .get("oneTimePassword").asText();
        assertEquals(401, loginStatus("otp.user", NEW_PASSWORD));
        assertEquals(200, loginStatus("otp.user", reset));
    }

    @Test
    public void weakNewPasswordIsRefusedWithReasons() throws Exception {
        String oneTime = createAccount("weak.user", null, List.of("OBSERVER"), true);
        WebSession session = login("weak.user", oneTime);
        HttpResponse<String> refused = sendJson(session, "POST", "/api/auth/password",
                Map.of("oldPassword", oneTime, "newPassword", "123"));
        assertEquals(400, refused.statusCode());
        assertFalse(refused.body().contains(oneTime));
    }

    @Test
    public void foundersAndSchoolsSeeOnlyTheirOwnOrganisations() throws Exception {
        sendJson("POST", "/api/catalog/territories", Map.of("code", "Z1", "name", "Район Зет", "type", "MUNICIPAL_DISTRICT", "version", 0));
        String csv = String.join("\n",
                "Код ОО;Тип организации;Полное наименование;Код территории;Тип учредителя;Код учредителя;Тип местности",
                "ZA;Муниципальный орган управления образованием;Управление А;Z1;;;",
                "ZB;Муниципальный орган управления образованием;Управление Б;Z1;;;",
                "ZA1;;Школа А1;Z1;Муниципальная;ZA;Сельская",
                "ZA2;;Школа А2;Z1;Муниципальная;ZA;Сельская",
                "ZB1;;Школа Б1;Z1;Муниципальная;ZB;Сельская");
        HttpResponse<String> imported = send("POST", "/api/catalog/import?name=z.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertTrue(imported.body(), json(imported).get("applied").asBoolean());

        WebSession founder = activeSession("founder.za", "ZA", "FOUNDER_COORDINATOR");
        assertEquals(setOf("ZA", "ZA1", "ZA2"), codes(get(founder, "/api/catalog/organisations?territory=Z1")));
        assertEquals("a foreign school looks missing", 404, get(founder, "/api/catalog/organisations/ZB1").statusCode());
        assertEquals(0, json(get(founder, "/api/catalog/organisations?founder=ZB")).get("total").asInt());
        assertEquals(404, get(founder, "/api/catalog/organisations/ZB/subtree").statusCode());
        assertEquals("founders do not write the catalog", 403, sendJson(founder, "PUT", "/api/catalog/organisations/ZA1",
                json(get("/api/catalog/organisations/ZA1"))).statusCode());
        String export = new String(getBytesAs(founder, "/api/catalog/export?format=csv"), StandardCharsets.UTF_8);
        assertTrue(export, export.contains("ZA1") && !export.contains("ZB1"));

        // Founders manage the school coordinators of their own schools only.
        HttpResponse<String> own = sendJson(founder, "POST", "/api/users",
                Map.of("login", "school.za1", "organisationCode", "ZA1", "roles", List.of("SCHOOL_COORDINATOR"), "active", false));
        assertEquals(own.body(), 201, own.statusCode());
        String schoolPassword = json(own).get("oneTimePassword").asText();
        assertEquals(403, sendJson(founder, "POST", "/api/users",
                Map.of("login", "school.zb1", "organisationCode", "ZB1", "roles", List.of("SCHOOL_COORDINATOR"))).statusCode());
        assertEquals(403, sendJson(founder, "POST", "/api/users",
                Map.of("login", "boss.za", "organisationCode", "ZA1", "roles", List.of("ADMINISTRATOR"))).statusCode());
        assertEquals("no reach over the administrator", 404,
                send(founder, "POST", "/api/users/admin/reset-password", "application/json", new byte[0]).statusCode());

        // Inactive until the founder activates it.
        assertEquals(403, loginStatus("school.za1", schoolPassword));
        assertEquals(204, send(founder, "POST", "/api/users/school.za1/activate", "application/json", new byte[0]).statusCode());
        WebSession school = login("school.za1", schoolPassword);
        sendJson(school, "POST", "/api/auth/password", Map.of("oldPassword", schoolPassword, "newPassword", NEW_PASSWORD));
        WebSession schoolReady = login("school.za1", NEW_PASSWORD);
        assertEquals(setOf("ZA1"), codes(get(schoolReady, "/api/catalog/organisations")));
        assertEquals(404, get(schoolReady, "/api/catalog/organisations/ZA2").statusCode());
        assertEquals(403, get(schoolReady, "/api/users").statusCode());
        assertEquals(204, send(founder, "POST", "/api/users/school.za1/deactivate", "application/json", new byte[0]).statusCode());
        assertEquals("deactivation ends sessions", 401, get(schoolReady, "/api/catalog/organisations").statusCode());
    }

    @Test
    public void registryRoleChangesAndEventsAreRecordedAndExported() throws Exception {
        HttpResponse<String> created = sendJson("POST", "/api/users", Map.of("login", "registry.user", "roles", List.of("REGIONAL_COORDINATOR"),
                "fullName", "Петрова Мария Ивановна", "position", "Методист", "phone", "+7 900 000-00-00", "email", "petrova@example.org"));
        assertEquals(created.body(), 201, created.statusCode());
        assertEquals("admin", json(created).get("account").get("approvedBy").asText());
        HttpResponse<String> changed = sendJson("PUT", "/api/users/registry.user",
                Map.of("fullName", "Петрова Мария Ивановна", "position", "Старший методист", "phone", "+7 900 000-00-00",
                        "email", "petrova@example.org", "roles", List.of("MINISTRY_OFFICIAL")));
        assertEquals(changed.body(), 200, changed.statusCode());
        assertEquals("Старший методист", json(changed).get("position").asText());
        JsonNode events = json(get("/api/users/events?max=100"));
        assertTrue(events.toString(), StreamSupport.stream(events.spliterator(), false).anyMatch(e ->
                "ROLE_CHANGE".equals(e.get("type").asText()) && "registry.user".equals(e.get("login").asText())
                        && e.get("details").asText().contains("MINISTRY_OFFICIAL")));
        sendJson("PUT", "/api/users/registry.user", Map.of("fullName", "Петрова Мария Ивановна", "position", "Старший методист",
                "phone", "+7 900 000-00-00", "email", "petrova@example.org", "roles", List.of("REGIONAL_COORDINATOR")));

        String registry = xlsxText(getBytesAs(admin(), "/api/users/registry.xlsx"));
        assertTrue(registry, registry.contains("Петрова Мария Ивановна") && registry.contains("Старший методист")
                && registry.contains("petrova@example.org") && registry.contains("Кем утверждён"));
        String log = xlsxText(getBytesAs(admin(), "/api/users/events.xlsx"));
        assertTrue(log.contains("ROLE_CHANGE") && log.contains("registry.user"));
    }

    private static String xlsxText(byte[] file) throws Exception {
        StringBuilder text = new StringBuilder();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(file))) {
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(cell.getStringCellValue()).append('|')));
        }
        return text.toString();
    }

    @Test
    public void passwordsAreNeverReturnedNorLogged() throws Exception {
        String oneTime = createAccount("secret.user", null, List.of("OBSERVER"), true);
        String accounts = get("/api/users").body();
        assertFalse(accounts, accounts.contains(oneTime) || accounts.toLowerCase().contains("hash")
                || accounts.toLowerCase().contains("password\":\""));
        loginStatus("secret.user", oneTime);
        loginStatus("secret.user", "Wrong-Password-1");
        String log = Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"));
        for (String secret : List.of(oneTime, adminPassword(), "Wrong-Password-1")) {
            assertFalse("a password in karaf.log", log.contains(secret));
        }
    }

    @Test
    public void consoleUsesTheSameAccountsThroughJaas() throws Exception {
        Subject subject = jaasLogin("admin", adminPassword());
        assertTrue(subject.getPrincipals().toString(), subject.getPrincipals().stream()
                .anyMatch(p -> p.getClass().getSimpleName().equals("RolePrincipal") && p.getName().equals("ssh")));
        try {
            jaasLogin("admin", "not-the-password");
            fail("wrong password accepted");
        } catch (LoginException expected) {
            // refused
        }
        String password = createAccount("console.observer", null, List.of("OBSERVER"), true);
        try {
            jaasLogin("console.observer", password);
            fail("a one-time password must be changed on the web before the console");
        } catch (LoginException expected) {
            // refused
        }
    }

    private static Subject jaasLogin(String login, String password) throws LoginException {
        LoginContext context = new LoginContext("karaf", callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof NameCallback) {
                    ((NameCallback) callback).setName(login);
                } else if (callback instanceof PasswordCallback) {
                    ((PasswordCallback) callback).setPassword(password.toCharArray());
                }
            }
        });
        context.login();
        return context.getSubject();
    }

    private static WebSession activeSession(String login, String organisation, String role) throws Exception {
        String oneTime = createAccount(login, organisation, List.of(role), true);
        WebSession first = login(login, oneTime);
        assertEquals(200, sendJson(first, "POST", "/api/auth/password",
                Map.of("oldPassword", oneTime, "newPassword", NEW_PASSWORD)).statusCode());
        return login(login, NEW_PASSWORD);
    }

    private static String createAccount(String login, String organisation, List<String> roles, boolean active) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("login", login, "roles", roles, "active", active));
        if (organisation != null) {
            body.put("organisationCode", organisation);
        }
        HttpResponse<String> response = sendJson("POST", "/api/users", body);
        assertEquals(response.body(), 201, response.statusCode());
        return json(response).get("oneTimePassword").asText();
    }

    private static int loginStatus(String login, String password) throws Exception {
        return send(WebSession.NONE, "POST", "/api/auth/login", "application/json",
                JSON.writeValueAsBytes(Map.of("login", login, "password", password))).statusCode();
    }

    private static String adminPassword() throws Exception {
        return Files.readString(Path.of(System.getProperty("karaf.etc"), "oko-admin.password")).trim();
    }

    private static byte[] getBytesAs(WebSession session, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE_URL + path))
                .header("Cookie", session.cookie()).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static java.util.Set<String> codes(HttpResponse<String> response) throws Exception {
        assertEquals(response.body(), 200, response.statusCode());
        return StreamSupport.stream(json(response).get("items").spliterator(), false)
                .map(o -> o.get("code").asText()).collect(Collectors.toSet());
    }

    private static java.util.Set<String> setOf(String... codes) {
        return java.util.Set.of(codes);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
