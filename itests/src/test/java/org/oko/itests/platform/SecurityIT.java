package org.oko.itests.platform;

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
import org.oko.itests.support.OkoContainerTest;
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

    /**
     * Every answer carries the browser-side protections: the page, its scripts, the API, a refusal
     * and an error alike; the policy allows no inline script or style and no framing.
     */
    @Test
    public void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        List<String[]> calls = List.of(new String[] {"anonymous", "/"}, new String[] {"anonymous", "/app.js"},
                new String[] {"anonymous", "/api/health"}, new String[] {"anonymous", "/api/catalog/territories"},
                new String[] {"admin", "/api/catalog/territories"}, new String[] {"admin", "/api/no-such-thing"});
        for (String[] call : calls) {
            HttpResponse<String> response = get("admin".equals(call[0]) ? admin() : WebSession.NONE, call[1]);
            String where = call[0] + " " + call[1] + " (" + response.statusCode() + ")";
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            for (String directive : List.of("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                    "frame-ancestors 'none'")) {
                assertTrue(where + ": " + policy, List.of(policy.split(";\\s*")).contains(directive));
            }
            assertFalse(where + ": " + policy, policy.contains("unsafe-inline") || policy.contains("unsafe-eval"));
            assertEquals(where, "DENY", response.headers().firstValue("X-Frame-Options").orElse(null));
            assertEquals(where, "nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertEquals(where, "same-origin", response.headers().firstValue("Referrer-Policy").orElse(null));
        }
        // A malformed body is the client's error, said in a way it can fix, with the headers as well.
        HttpResponse<String> malformed = send(WebSession.NONE, "POST", "/api/auth/login", "application/json",
                "{\"login\": \"x\",\n \"password\"".getBytes(StandardCharsets.UTF_8));
        assertEquals(malformed.body(), 400, malformed.statusCode());
        assertTrue(malformed.body(), malformed.body().contains("line 2, column"));
        assertEquals("nosniff", malformed.headers().firstValue("X-Content-Type-Options").orElse(null));
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
    public void bruteForceIsSlowedDownThenLockedOutForKnownAndUnknownLogins() throws Exception {
        String password = createAccount("brute.known", null, List.of("OBSERVER"), true);
        List<String> logins = List.of("brute.known", "brute.unknown");
        // After the second failure each attempt waits 1 s, 2 s, 4 s after the latest failure; earlier ones are
        // refused at once (no thread waits), without checking the password, and do not count. Each login's early
        // attempt follows its own failure at once, so that the other login's slow password check cannot use up the
        // window on a loaded machine.
        long[] delays = {1000, 2000, 4000};
        for (String login : logins) {
            assertEquals(login + " attempt 1", 401, loginStatus(login, "wrong-1"));
            assertEquals(login + " attempt 2", 401, loginStatus(login, "wrong-2"));
            assertRefusedTooSoon(login, delays[0]);
        }
        for (int i = 0; i < delays.length; i++) {
            Thread.sleep(delays[i] + 100);
            int attempt = i + 3;
            for (String login : logins) {
                assertEquals(login + " attempt " + attempt, 401, loginStatus(login, "wrong-" + attempt));
                if (i + 1 < delays.length) {
                    assertRefusedTooSoon(login, delays[i + 1]);
                }
            }
        }
        for (String login : logins) {
            HttpResponse<String> locked = loginResponse(login, "wrong-again");
            assertEquals(login + " locked after 5 failures", 429, locked.statusCode());
            assertTrue(locked.body(), locked.body().contains("временно заблокирован"));
        }
        assertEquals("even the right password is refused while locked", 429, loginStatus("brute.known", password));
        JsonNode events = json(get("/api/users/events?max=200"));
        assertTrue(events.toString(), StreamSupport.stream(events.spliterator(), false)
                .anyMatch(e -> "LOCKOUT".equals(e.get("type").asText()) && "brute.known".equals(e.get("login").asText())));
        assertTrue(events.toString(), StreamSupport.stream(events.spliterator(), false)
                .anyMatch(e -> "LOGIN_FAILURE".equals(e.get("type").asText()) && "brute.unknown".equals(e.get("login").asText())
                        && e.get("details").asText().startsWith("too soon")));
    }

    @Test
    public void aPasswordChangeHonoursTheLockAndRecordsTheLockout() throws Exception {
        WebSession session = activeSession("change.brute", null, "OBSERVER");
        for (int attempt = 1; attempt <= 5; attempt++) {
            if (attempt > 2) {
                Thread.sleep(attempt == 3 ? 1100 : attempt == 4 ? 2100 : 4100);
            }
            HttpResponse<String> refused = sendJson(session, "POST", "/api/auth/password",
                    Map.of("oldPassword", "wrong-old-" + attempt, "newPassword", "Другой-пароль-2026"));
            assertEquals(refused.body(), 400, refused.statusCode());
        }
        HttpResponse<String> locked = sendJson(session, "POST", "/api/auth/password",
                Map.of("oldPassword", NEW_PASSWORD, "newPassword", "Другой-пароль-2026"));
        assertEquals("the right old password is refused while locked", 429, locked.statusCode());
        assertEquals("and the login too", 429, loginStatus("change.brute", NEW_PASSWORD));
        JsonNode events = json(get("/api/users/events?max=200"));
        assertTrue(events.toString(), StreamSupport.stream(events.spliterator(), false)
                .anyMatch(e -> "LOCKOUT".equals(e.get("type").asText()) && "change.brute".equals(e.get("login").asText())));
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
        organisations("Z1", "Район Зет",
                "ZA;Муниципальный орган управления образованием;Управление А;Z1;;;",
                "ZB;Муниципальный орган управления образованием;Управление Б;Z1;;;",
                "ZA1;;Школа А1;Z1;Муниципальная;ZA;Сельская",
                "ZA2;;Школа А2;Z1;Муниципальная;ZA;Сельская",
                "ZB1;;Школа Б1;Z1;Муниципальная;ZB;Сельская");

        WebSession founder = activeSession("founder.za", "ZA", "FOUNDER_COORDINATOR");
        assertEquals(setOf("ZA", "ZA1", "ZA2"), codes(get(founder, "/api/catalog/organisations?territory=Z1")));
        assertEquals("a foreign school looks missing", 404, get(founder, "/api/catalog/organisations/ZB1").statusCode());
        assertEquals(0, json(get(founder, "/api/catalog/organisations?founder=ZB")).get("total").asInt());
        assertEquals(404, get(founder, "/api/catalog/organisations/ZB/subtree").statusCode());
        assertEquals("founders do not write the catalog", 403, sendJson(founder, "PUT", "/api/catalog/organisations/ZA1",
                json(get("/api/catalog/organisations/ZA1"))).statusCode());
        String export = new String(getBytes(founder, "/api/catalog/export?format=csv").body(), StandardCharsets.UTF_8);
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

    /** Territory W1: education authority WA with schools WA1, WA2; authority WB with WB1; the ministry WM. */
    private static synchronized void prepareW() throws Exception {
        if (get("/api/catalog/organisations/WM").statusCode() == 200) {
            return;
        }
        organisations("W1", "Район Вэ",
                "WM;Министерство образования;Министерство Вэ;;;;",
                "WA;Муниципальный орган управления образованием;Управление ВА;W1;;;",
                "WB;Муниципальный орган управления образованием;Управление ВБ;W1;;;",
                "WA1;;Школа ВА1;W1;Муниципальная;WA;Сельская",
                "WA2;;Школа ВА2;W1;Муниципальная;WA;Сельская",
                "WB1;;Школа ВБ1;W1;Муниципальная;WB;Сельская");
    }

    @Test
    public void roleCombinationsThatWidenWriteScopeAndRolesOnTheWrongOrganisationAreRefused() throws Exception {
        prepareW();
        Object[][] refused = {
            {"WA1", List.of("SCHOOL_COORDINATOR", "MINISTRY_OFFICIAL"), "не совмещаются"},
            {"WA1", List.of("SCHOOL_COORDINATOR", "REGIONAL_COORDINATOR"), "не совмещаются"},
            {"WA", List.of("FOUNDER_COORDINATOR", "MINISTRY_OFFICIAL"), "не совмещаются"},
            {"WM", List.of("FOUNDER_COORDINATOR", "REGIONAL_COORDINATOR"), "не совмещаются"},
            {"WM", List.of("FOUNDER_COORDINATOR", "ADMINISTRATOR"), "не совмещаются"},
            {"WA1", List.of("SCHOOL_COORDINATOR", "OBSERVER"), "не совмещается"},
            {"WA", List.of("SCHOOL_COORDINATOR"), "только в образовательной организации"},
            {"WA1", List.of("FOUNDER_COORDINATOR"), "только в органе управления образованием"},
            {"WA1", List.of("REGIONAL_COORDINATOR"), "только в министерстве или региональном центре"},
            {"WA", List.of("ADMINISTRATOR"), "только в министерстве или региональном центре"},
            {"NO-SUCH", List.of("OBSERVER"), "не найдена в каталоге"},
        };
        int n = 0;
        for (Object[] combination : refused) {
            HttpResponse<String> response = sendJson("POST", "/api/users", Map.of("login", "combo." + n++,
                    "organisationCode", combination[0], "roles", combination[1]));
            assertEquals(combination[0] + " " + combination[1] + ": " + response.body(), 400, response.statusCode());
            assertTrue(response.body(), json(response).get("message").asText().contains((String) combination[2]));
        }
        for (int i = 0; i < refused.length; i++) {
            assertEquals("combo." + i + " was not created", 404, send("POST", "/api/users/combo." + i + "/reset-password",
                    "application/json", new byte[0]).statusCode());
        }

        // Region-wide roles add up on a region-level organisation.
        HttpResponse<String> valid = sendJson("POST", "/api/users", Map.of("login", "combo.region", "organisationCode", "WM",
                "roles", List.of("REGIONAL_COORDINATOR", "MINISTRY_OFFICIAL")));
        assertEquals(valid.body(), 201, valid.statusCode());

        // A role change is checked the same way, and refused changes leave the roles as they were.
        createAccount("combo.school", "WA1", List.of("SCHOOL_COORDINATOR"), true);
        HttpResponse<String> widened = sendJson("PUT", "/api/users/combo.school",
                Map.of("fullName", "Школьный координатор", "roles", List.of("SCHOOL_COORDINATOR", "MINISTRY_OFFICIAL")));
        assertEquals(widened.body(), 400, widened.statusCode());
        JsonNode account = StreamSupport.stream(json(get("/api/users")).spliterator(), false)
                .filter(a -> "combo.school".equals(a.get("login").asText())).findFirst().orElseThrow();
        assertEquals("[\"SCHOOL_COORDINATOR\"]", account.get("roles").toString());
    }

    @Test
    public void observersReadWhatTheyAreAssignedAndNothingElse() throws Exception {
        prepareW();
        createAccount("watch.ministry", "WM", List.of("OBSERVER"), true);
        HttpResponse<String> assigned = sendJson("PUT", "/api/users/watch.ministry/observed", Map.of("organisations", List.of("WA1")));
        assertEquals(assigned.body(), 200, assigned.statusCode());
        assertEquals("[\"WA1\"]", json(assigned).get("observed").toString());
        assertEquals(400, sendJson("PUT", "/api/users/watch.ministry/observed", Map.of("organisations", List.of("NO-SUCH"))).statusCode());
        createAccount("watch.notobserver", "WM", List.of("MINISTRY_OFFICIAL"), true);
        assertEquals("only observers are assigned organisations", 400,
                sendJson("PUT", "/api/users/watch.notobserver/observed", Map.of("organisations", List.of("WA1"))).statusCode());

        String oneTime = createAccount("watch.reader", null, List.of("OBSERVER"), true);
        assertEquals(200, sendJson("PUT", "/api/users/watch.reader/observed", Map.of("organisations", List.of("WA1"))).statusCode());
        WebSession first = login("watch.reader", oneTime);
        assertEquals(200, sendJson(first, "POST", "/api/auth/password", Map.of("oldPassword", oneTime, "newPassword", NEW_PASSWORD)).statusCode());
        WebSession observer = login("watch.reader", NEW_PASSWORD);
        assertEquals(setOf("WA1"), codes(get(observer, "/api/catalog/organisations?territory=W1")));
        assertEquals(200, get(observer, "/api/catalog/organisations/WA1").statusCode());
        assertEquals("another school looks missing", 404, get(observer, "/api/catalog/organisations/WA2").statusCode());
        assertEquals(404, get(observer, "/api/catalog/organisations/WB1").statusCode());
        // Read-only: no write accepts an observer, not even within what it observes.
        assertEquals(403, sendJson(observer, "PUT", "/api/catalog/organisations/WA1", json(get("/api/catalog/organisations/WA1"))).statusCode());
        assertEquals(403, sendJson(observer, "POST", "/api/submissions",
                Map.of("period", "watch", "formId", "miac-1", "organisationCode", "WA1")).statusCode());
        assertEquals(403, sendJson(observer, "PUT", "/api/users/watch.reader/observed", Map.of("organisations", List.of("WB1"))).statusCode());
        assertEquals(403, get(observer, "/api/users").statusCode());

        // A new assignment ends the observer's sessions; the next login sees the new scope.
        assertEquals(200, sendJson("PUT", "/api/users/watch.reader/observed", Map.of("organisations", List.of("WA"))).statusCode());
        assertEquals(401, get(observer, "/api/catalog/organisations/WA1").statusCode());
        observer = login("watch.reader", NEW_PASSWORD);
        assertEquals("an authority brings its schools", setOf("WA", "WA1", "WA2"),
                codes(get(observer, "/api/catalog/organisations?territory=W1")));

        // A founder coordinator assigns only its own schools, to observers of its own organisation.
        WebSession founder = activeSession("founder.wa", "WA", "FOUNDER_COORDINATOR");
        createAccount("watch.wa", "WA", List.of("OBSERVER"), true);
        HttpResponse<String> own = sendJson(founder, "PUT", "/api/users/watch.wa/observed", Map.of("organisations", List.of("WA2")));
        assertEquals(own.body(), 200, own.statusCode());
        assertEquals("a foreign school looks unknown", 400,
                sendJson(founder, "PUT", "/api/users/watch.wa/observed", Map.of("organisations", List.of("WB1"))).statusCode());
        assertEquals("an observer outside its organisations looks missing", 404,
                sendJson(founder, "PUT", "/api/users/watch.ministry/observed", Map.of("organisations", List.of("WA2"))).statusCode());
        // What the administrator assigned outside the founder's schools stays.
        assertEquals(200, sendJson("PUT", "/api/users/watch.wa/observed", Map.of("organisations", List.of("WA2", "WB1"))).statusCode());
        HttpResponse<String> replaced = sendJson(founder, "PUT", "/api/users/watch.wa/observed", Map.of("organisations", List.of("WA1")));
        assertEquals("[\"WA1\",\"WB1\"]", json(replaced).get("observed").toString());
    }

    @Test
    public void afterLogoutTheSessionTokenIsRejected() throws Exception {
        String password = createAccount("logout.user", null, List.of("OBSERVER"), true);
        WebSession session = login("logout.user", password);
        assertEquals(200, get(session, "/api/auth/session").statusCode());
        HttpResponse<String> out = send(session, "POST", "/api/auth/logout", "application/json", new byte[0]);
        assertEquals(204, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElse(""), out.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
        assertEquals(401, get(session, "/api/auth/session").statusCode());
        assertEquals(401, send(session, "POST", "/api/auth/password", "application/json",
                JSON.writeValueAsBytes(Map.of("oldPassword", password, "newPassword", NEW_PASSWORD))).statusCode());
    }

    @Test
    public void loginNamesAreCaseInsensitive() throws Exception {
        String password = createAccount("Case.User", null, List.of("OBSERVER"), true);
        WebSession session = login("  CASE.user ", password);
        assertEquals("case.user", json(get(session, "/api/auth/session")).get("login").asText());
    }

    /** Other bundles find one account by its login through the users' directory: active accounts only, with their names. */
    @Test
    public void theDirectoryFindsOneActiveAccountByItsLogin() throws Exception {
        assertEquals(201, sendJson("POST", "/api/users", Map.of("login", "directory.named", "roles", List.of("OBSERVER"),
                "fullName", "Сидоров Пётр Ильич")).statusCode());
        createAccount("directory.blocked", null, List.of("OBSERVER"), false);
        org.osgi.framework.BundleContext context = org.osgi.framework.FrameworkUtil.getBundle(SecurityIT.class).getBundleContext();
        var reference = context.getServiceReference(org.oko.users.api.UserDirectory.class);
        org.oko.users.api.UserDirectory directory = context.getService(reference);
        try {
            org.oko.users.api.UserDirectory.Contact named = directory.contact("directory.named").orElseThrow();
            assertEquals("Сидоров Пётр Ильич", named.fullName());
            assertEquals(java.util.Set.of(org.oko.platform.api.security.Role.OBSERVER), named.roles());
            assertTrue("a blocked account is not in the directory", directory.contact("directory.blocked").isEmpty());
            assertTrue(directory.contact("directory.nobody").isEmpty());
            assertTrue(directory.activeContacts().stream().anyMatch(c -> c.login().equals("directory.named")));
        } finally {
            context.ungetService(reference);
        }
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

        String registry = xlsxText(getBytes(admin(), "/api/users/registry.xlsx").body());
        assertTrue(registry, registry.contains("Петрова Мария Ивановна") && registry.contains("Старший методист")
                && registry.contains("petrova@example.org") && registry.contains("Кем утверждён"));
        String log = xlsxText(getBytes(admin(), "/api/users/events.xlsx").body());
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
        try {
            jaasLogin("secret.user", "Wrong-Password-3");
            fail("a wrong password must not pass the JAAS login");
        } catch (LoginException expected) {
            // refused
        }
        List<String> secrets = List.of(oneTime, adminPassword(), "Wrong-Password-1", "Wrong-Password-3");
        // The server's logs: karaf.log, and the JAAS audit and security logs where Karaf writes them.
        Path data = Path.of(System.getProperty("karaf.data"));
        List<Path> logs = new java.util.ArrayList<>();
        for (Path folder : List.of(data.resolve("log"), data.resolve("security"))) {
            if (Files.isDirectory(folder)) {
                try (var files = Files.list(folder)) {
                    files.filter(Files::isRegularFile).forEach(logs::add);
                }
            }
        }
        assertTrue(logs.toString(), logs.contains(data.resolve("log").resolve("karaf.log")));
        for (Path file : logs) {
            String log = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertFalse("a password in " + file, log.contains(secret));
            }
        }
        String events = get("/api/users/events?max=500").body() + xlsxText(getBytes(admin(), "/api/users/events.xlsx").body());
        assertTrue(events, events.contains("secret.user"));
        for (String secret : secrets) {
            assertFalse("a password in the security events", events.contains(secret));
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

    @Test
    public void consoleLoginsRecordTheSshClientAddress() throws Exception {
        // Karaf's SSH server puts the client's address into the subject as a ClientPrincipal before the login.
        Subject subject = new Subject();
        subject.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.ClientPrincipal("ssh", "/10.9.8.7:52144"));
        try {
            jaasLogin(subject, "console.address", "Wrong-Console-1");
            fail("an unknown login accepted");
        } catch (LoginException expected) {
            // refused
        }
        JsonNode events = json(get("/api/users/events?max=200"));
        assertTrue(events.toString(), StreamSupport.stream(events.spliterator(), false)
                .anyMatch(e -> "console.address".equals(e.get("login").asText()) && "10.9.8.7".equals(e.get("address").asText())));
    }

    private static Subject jaasLogin(String login, String password) throws LoginException {
        return jaasLogin(new Subject(), login, password);
    }

    private static Subject jaasLogin(Subject subject, String login, String password) throws LoginException {
        LoginContext context = new LoginContext("karaf", subject, callbacks -> {
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

    /** An attempt right after a failure is refused with 429 and a Retry-After of at most the current delay. */
    private static void assertRefusedTooSoon(String login, long delayMillis) throws Exception {
        HttpResponse<String> early = loginResponse(login, "wrong-early");
        assertEquals(login + " before the delay", 429, early.statusCode());
        assertTrue(early.body(), early.body().contains("следующая возможна через"));
        long retryAfter = Long.parseLong(early.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(login + " Retry-After " + retryAfter + " for a delay of " + delayMillis + " ms",
                retryAfter >= 1 && retryAfter <= delayMillis / 1000);
    }

    private static String adminPassword() throws Exception {
        return Files.readString(Path.of(System.getProperty("karaf.etc"), "oko-admin.password")).trim();
    }

    private static java.util.Set<String> codes(HttpResponse<String> response) throws Exception {
        assertEquals(response.body(), 200, response.statusCode());
        return StreamSupport.stream(json(response).get("items").spliterator(), false)
                .map(o -> o.get("code").asText()).collect(Collectors.toSet());
    }

    private static java.util.Set<String> setOf(String... codes) {
        return java.util.Set.of(codes);
    }
}
