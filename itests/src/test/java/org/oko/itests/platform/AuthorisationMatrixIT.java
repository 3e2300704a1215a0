package org.oko.itests.platform;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PATCH;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.ext.Provider;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.oko.itests.support.OkoContainerTest;
import org.oko.platform.api.Rest;
import org.oko.platform.api.security.Role;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Every REST endpoint that exists × every role × own and foreign organisation: allowed, denied
 * (403) or hidden (404, indistinguishable from "does not exist"); anonymous callers get 401. The
 * endpoints are discovered from the running system, so an endpoint added without an entry here
 * fails this test, and so does an entry whose endpoint is gone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AuthorisationMatrixIT extends OkoContainerTest {

    /** Expected result for one role: A allowed (not 401/403/404), D denied (403), H hidden (404). */
    private enum Expect { A, D, H }

    private static final String PASSWORD = "Матрица-2026-пароль";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject
    private BundleContext context;

    /** One endpoint's entry: how to call it for an organisation (own or foreign) and what each role gets. */
    private record Entry(String method, String path, String body, Map<Role, Expect[]> expected, boolean open) {
    }

    private final Map<String, Entry> matrix = new LinkedHashMap<>();
    private static final String MATRIX_CAMPAIGN = "{\"code\":\"mx-c\",\"title\":\"Матрица\",\"year\":2026,\"steps\":["
            + "{\"id\":\"t1\",\"title\":\"Шаг\",\"responsible\":\"ADMINISTRATOR\",\"deadline\":{\"on\":\"2026-03-01\"}},"
            + "{\"id\":\"f1\",\"title\":\"Форма 1\",\"responsible\":\"SCHOOL_COORDINATOR\",\"deadline\":{\"on\":\"2026-04-01\"},"
            + "\"form\":\"miac-1\",\"period\":\"matrix\"}]}";
    /** Organisation code → the id of its МИАС 1 submission (%4$s in paths). */
    private final Map<String, String> submissions = new java.util.HashMap<>();

    private void open(String endpoint) {
        matrix.put(endpoint, new Entry(null, null, null, Map.of(), true));
    }

    /**
     * @param call  "METHOD /path" with %1$s = organisation code, %2$s = account login, %3$s = sequence,
     *              %4$s = the organisation's submission id
     * @param rules seven "own/foreign" pairs in Role order, e.g. "A/A A/A A/A A/H A/H H/H H/H"
     */
    private void entry(String endpoint, String call, String body, String rules) {
        String[] pairs = rules.trim().split("\\s+");
        assertEquals(endpoint, Role.values().length, pairs.length);
        Map<Role, Expect[]> expected = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String[] pair = pairs[role.ordinal()].split("/");
            expected.put(role, new Expect[] {Expect.valueOf(pair[0]), Expect.valueOf(pair[1])});
        }
        String[] parts = call.split(" ", 2);
        matrix.put(endpoint, new Entry(parts[0], parts[1], body, expected, false));
    }

    private void defineMatrix() throws Exception {
        // The ГТО and ВсОШ modules are offered, not installed at first start: installed here, so that their endpoints are in
        // the matrix whatever ran before.
        ensureModule("oko-gto", "/api/gto/norms");
        ensureModule("oko-olympiad", "/api/olympiad/years");
        ensureModule("oko-noko", "/api/noko/methods");
        //                      ADMIN REGION MINISTRY FOUNDER SCHOOL EXPERT OBSERVER
        String everyone = "A/A A/A A/A A/A A/A A/A A/A";
        String writers = "A/A A/A D/D D/D D/D D/D D/D";
        // The observer is assigned its own school MX1 (PUT /api/users/{login}/observed).
        String scoped = "A/A A/A A/A A/H A/H H/H A/H";
        String managers = "A/A D/D D/D A/H D/D D/D D/D";

        open("GET /");
        open("GET /{path: .+}");
        open("GET /ext/{bundle}/{path: .+}"); // screens of modules: static scripts; what they call is checked
        open("GET /api/health");
        open("POST /api/auth/login");
        entry("GET /api/auth/session", "GET /api/auth/session", null, everyone);
        // Without a new password (400 before any password is checked), so that no failure counts towards backoff.
        entry("POST /api/auth/password", "POST /api/auth/password", "{\"oldPassword\":\"wrong-old-1\"}", everyone);
        // Logging out would end the session the other checks use: checked for anonymous callers only.
        matrix.put("POST /api/auth/logout", new Entry("POST", "/api/auth/logout", null, null, false));

        entry("GET /api/users", "GET /api/users", null, "A/A D/D D/D A/A D/D D/D D/D");
        entry("POST /api/users", "POST /api/users",
                "{\"login\":\"mx.new%3$s\",\"organisationCode\":\"%1$s\",\"roles\":[\"SCHOOL_COORDINATOR\"]}",
                "A/A D/D D/D A/D D/D D/D D/D");
        entry("POST /api/users/{login}/activate", "POST /api/users/%2$s/activate", null, managers);
        entry("POST /api/users/{login}/deactivate", "POST /api/users/%2$s/deactivate", null, managers);
        entry("POST /api/users/{login}/reset-password", "POST /api/users/%2$s/reset-password", null, managers);
        entry("GET /api/users/events", "GET /api/users/events?max=5", null, "A/A D/D D/D D/D D/D D/D D/D");
        entry("GET /api/users/events.xlsx", "GET /api/users/events.xlsx?max=5", null, "A/A D/D D/D D/D D/D D/D D/D");
        entry("GET /api/users/registry.xlsx", "GET /api/users/registry.xlsx", null, "A/A D/D D/D A/A D/D D/D D/D");
        entry("PUT /api/users/{login}", "PUT /api/users/%2$s", "{\"fullName\":\"Иванова Анна\",\"phone\":\"+7 900\"}", managers);
        // Observer accounts mx.watch.mx1 (own school) and mx.watch.my1 (foreign), each assigned its own school.
        entry("PUT /api/users/{login}/observed", "PUT /api/users/mx.watch.%1$s/observed", "{\"organisations\":[\"%1$s\"]}",
                "A/A A/A D/D A/H D/D D/D D/D");
        entry("POST /api/users/{login}/approve", "POST /api/users/%2$s/approve", null, "A/A D/D D/D D/D D/D D/D D/D");
        String administrator = "A/A D/D D/D D/D D/D D/D D/D";
        entry("POST /api/users/folders", "POST /api/users/folders", "{\"founders\":[\"MXA\"]}", administrator);
        entry("GET /api/users/folders", "GET /api/users/folders", null, administrator);
        entry("GET /api/users/folders/{code}.xlsx", "GET /api/users/folders/MXA.xlsx", null, administrator);
        entry("GET /api/users/folders/{code}.html", "GET /api/users/folders/MXA.html", null, administrator);

        // Module management: a core module answers 409 to stop and removal, which is what the administrator gets.
        entry("GET /api/modules", "GET /api/modules", null, administrator);
        entry("GET /api/audit", "GET /api/audit?max=5", null, administrator);
        entry("POST /api/modules", "POST /api/modules", "{}", administrator);
        entry("POST /api/modules/{symbolicName}/start", "POST /api/modules/org.oko.catalog/start", null, administrator);
        entry("POST /api/modules/{symbolicName}/stop", "POST /api/modules/org.oko.catalog/stop", null, administrator);
        entry("DELETE /api/modules/{symbolicName}", "DELETE /api/modules/org.oko.catalog", null, administrator);
        // Module repositories: the administrator's; the calls name nothing that exists, so nothing changes.
        entry("GET /api/module-repositories", "GET /api/module-repositories", null, administrator);
        entry("POST /api/module-repositories", "POST /api/module-repositories", "{}", administrator);
        entry("DELETE /api/module-repositories", "DELETE /api/module-repositories?url=http://matrix.invalid/", null, administrator);
        entry("GET /api/module-repositories/modules", "GET /api/module-repositories/modules?url=file:/matrix-nowhere/", null, administrator);
        entry("POST /api/module-repositories/install", "POST /api/module-repositories/install", "{}", administrator);
        entry("POST /api/module-repositories/rollback", "POST /api/module-repositories/rollback", "{}", administrator);
        entry("GET /api/module-repositories/history", "GET /api/module-repositories/history", null, administrator);
        entry("GET /api/module-repositories/steps", "GET /api/module-repositories/steps?module=org.oko.vpr", null, administrator);
        entry("POST /api/module-repositories/published", "POST /api/module-repositories/published", null, administrator);
        open("GET /api/module-repositories/published/{path: .+}"); // a module repository other regions read

        entry("GET /api/ui/extensions", "GET /api/ui/extensions", null, everyone);
        entry("GET /api/ui/roles", "GET /api/ui/roles", null, everyone);
        entry("GET /api/forms", "GET /api/forms", null, everyone);
        entry("GET /api/forms/{id}/{version}", "GET /api/forms/miac-1/1", null, everyone);
        entry("GET /api/forms/problems", "GET /api/forms/problems", null, administrator);
        entry("POST /api/forms/definitions", "POST /api/forms/definitions", "{}", administrator);

        // Submissions of МИАС 1 for MX1 (own) and MY1 (foreign), each in progress with one value.
        String school = "D/D D/D D/D D/D A/H D/D D/D";
        String viewers = "A/A A/A A/A A/H A/H D/D A/H"; // readers and the observer assigned to MX1
        String verifiers = "A/A A/A D/D A/H D/H D/D D/D";
        String lockers = "A/A D/D D/D D/H D/H D/D D/D";
        entry("GET /api/submissions", "GET /api/submissions?period=matrix", null, "A/A A/A A/A A/A A/A D/D A/A");
        entry("POST /api/submissions", "POST /api/submissions",
                "{\"period\":\"m%3$s\",\"formId\":\"miac-1\",\"organisationCode\":\"%1$s\"}", "A/A A/A D/D A/H D/D D/D D/D");
        // Bulk: a foreign code is reported as refused inside a 200 answer, like a missing one.
        entry("POST /api/submissions/assignments", "POST /api/submissions/assignments",
                "{\"period\":\"mb%3$s\",\"formId\":\"miac-1\",\"organisationCodes\":[\"%1$s\"]}", "A/A A/A D/D A/A D/D D/D D/D");
        entry("POST /api/submissions/withdrawals", "POST /api/submissions/withdrawals",
                "{\"period\":\"mb%3$s\",\"formId\":\"miac-1\",\"organisationCodes\":[\"%1$s\"]}", "A/A A/A D/D A/A D/D D/D D/D");
        entry("GET /api/submissions/{id}", "GET /api/submissions/%4$s", null, viewers);
        entry("GET /api/submissions/{id}/workbook.xlsx", "GET /api/submissions/%4$s/workbook.xlsx", null, viewers);
        entry("GET /api/submissions/states", "GET /api/submissions/states", null, "A/A A/A A/A A/A A/A D/D A/A");
        entry("GET /api/submissions/export.xlsx", "GET /api/submissions/export.xlsx?formId=miac-1&version=1&period=matrix", null,
                "A/A A/A A/A A/A A/A D/D A/A");
        entry("DELETE /api/submissions/{id}", "DELETE /api/submissions/%4$s", null, "A/A A/A D/D A/H D/D D/D D/D");
        entry("PUT /api/submissions/{id}/values/{key}", "PUT /api/submissions/%4$s/values/shifts",
                "{\"value\":2,\"expectedRevision\":-1}", school);
        entry("PATCH /api/submissions/{id}/values", "PATCH /api/submissions/%4$s/values",
                "{\"values\":[{\"key\":\"shifts\",\"value\":2,\"expectedRevision\":-1}]}", school);
        // No importer is named: the school's own coordinator gets 400 (allowed, bad request), others 403, a foreign school 404.
        entry("POST /api/submissions/{id}/import", "POST /api/submissions/%4$s/import?name=matrix.csv", "код;значение", school);
        entry("PUT /api/submissions/{id}/explanations/{ruleId}", "PUT /api/submissions/%4$s/explanations/third_shift",
                "{\"text\":\"Пояснение\"}", school);
        entry("POST /api/submissions/{id}/submit", "POST /api/submissions/%4$s/submit", null, school);
        entry("POST /api/submissions/{id}/return", "POST /api/submissions/%4$s/return", "{\"comment\":\"Исправьте\"}", verifiers);
        entry("POST /api/submissions/{id}/upgrade", "POST /api/submissions/%4$s/upgrade", null, "A/A A/A D/D D/D D/D D/D D/D");
        entry("POST /api/submissions/{id}/verify", "POST /api/submissions/%4$s/verify", null, verifiers);
        entry("POST /api/submissions/{id}/letter", "POST /api/submissions/%4$s/letter", "%%PDF-1.4 matrix", verifiers);
        entry("GET /api/submissions/{id}/letter", "GET /api/submissions/%4$s/letter", null, "H/H H/H H/H H/H H/H D/D H/H");
        // МИАС 1 has no file indicator: an allowed upload is refused as such (400), a reader finds no file (404).
        entry("PUT /api/submissions/{id}/files/{key}", "PUT /api/submissions/%4$s/files/shifts?expectedRevision=0", "%%PDF-1.4 matrix", school);
        entry("GET /api/submissions/{id}/files/{key}", "GET /api/submissions/%4$s/files/shifts", null, "H/H H/H H/H H/H H/H D/D H/H");
        entry("POST /api/submissions/{id}/lock", "POST /api/submissions/%4$s/lock", null, lockers);
        entry("POST /api/submissions/{id}/unlock", "POST /api/submissions/%4$s/unlock", "{\"reason\":\"Проверка\"}", lockers);
        entry("GET /api/submissions/{id}/history", "GET /api/submissions/%4$s/history", null, viewers);

        // Campaign "mx-c": a task step "t1" and МИАС 1 collected in period "matrix" (the submissions above).
        String campaignReaders = "A/A A/A A/A A/A A/A D/D A/A";
        String campaignBody = "{\"code\":\"mxn%3$s\",\"title\":\"Матрица\",\"year\":2026,\"steps\":[{\"id\":\"t1\",\"title\":\"Шаг\","
                + "\"responsible\":\"ADMINISTRATOR\",\"deadline\":{\"on\":\"2026-03-01\"}}]}";
        entry("GET /api/campaigns", "GET /api/campaigns", null, campaignReaders);
        entry("POST /api/campaigns", "POST /api/campaigns", campaignBody, writers);
        entry("GET /api/campaigns/{code}", "GET /api/campaigns/mx-c", null, campaignReaders);
        entry("PUT /api/campaigns/{code}", "PUT /api/campaigns/mx-c?version=-1", MATRIX_CAMPAIGN, writers);
        entry("DELETE /api/campaigns/{code}", "DELETE /api/campaigns/mx-c", null, administrator);
        entry("POST /api/campaigns/{code}/copy", "POST /api/campaigns/mx-c/copy", "{\"code\":\"mxk%3$s\",\"year\":2027}", writers);
        entry("GET /api/campaigns/{code}/roadmap", "GET /api/campaigns/mx-c/roadmap", null, campaignReaders);
        entry("POST /api/campaigns/{code}/events", "POST /api/campaigns/mx-c/events", "{\"name\":\"vpr-results\",\"date\":\"01.04.2026\"}",
                writers);
        entry("POST /api/campaigns/{code}/steps/{step}/done", "POST /api/campaigns/mx-c/steps/t1/done", null, writers);
        entry("DELETE /api/campaigns/{code}/steps/{step}/done", "DELETE /api/campaigns/mx-c/steps/t1/done", null, writers);
        // Bulk: a foreign code is reported as refused ("no such organisation") inside a 200 answer, like a missing one.
        entry("POST /api/campaigns/{code}/steps/{step}/assignments", "POST /api/campaigns/mx-c/steps/f1/assignments",
                "{\"codes\":[\"%1$s\"]}", "A/A A/A D/D A/A D/D D/D D/D");
        entry("POST /api/campaigns/{code}/steps/{step}/withdrawals", "POST /api/campaigns/mx-c/steps/f1/withdrawals",
                "{\"codes\":[\"%1$s\"]}", "A/A A/A D/D A/A D/D D/D D/D");
        entry("GET /api/campaigns/{code}/steps/{step}/dashboard", "GET /api/campaigns/mx-c/steps/f1/dashboard", null, campaignReaders);
        entry("GET /api/campaigns/{code}/steps/{step}/dashboard.xlsx", "GET /api/campaigns/mx-c/steps/f1/dashboard.xlsx", null,
                campaignReaders);
        entry("POST /api/campaigns/reminders", "POST /api/campaigns/reminders", null, administrator);
        entry("GET /api/notifications", "GET /api/notifications", null, everyone);
        entry("POST /api/notifications/{id}/read", "POST /api/notifications/987654321/read", null, "H/H H/H H/H H/H H/H H/H H/H");
        entry("POST /api/notifications/read-all", "POST /api/notifications/read-all", null, everyone);
        entry("GET /api/calendar/{year}", "GET /api/calendar/2026", null, everyone);
        entry("GET /api/calendar/deadline", "GET /api/calendar/deadline?from=2026-12-30&workingDays=1", null, everyone);
        // The administrator's edit of a far year, so that the calendar the other tests use stays as shipped.
        entry("PUT /api/calendar/{year}", "PUT /api/calendar/2099", "{\"dayOffs\":[\"2099-01-01\"],\"workingWeekends\":[]}", administrator);
        entry("DELETE /api/calendar/{year}", "DELETE /api/calendar/2099", null, administrator);

        // The ВПР module (installed at boot): the shipped spec 2026-math-5; imports of a nonsense file fail in their job.
        String vprReaders = "A/A A/A A/A A/A A/A D/D A/A";
        entry("GET /api/vpr/specs", "GET /api/vpr/specs", null, vprReaders);
        entry("POST /api/vpr/specs", "POST /api/vpr/specs", "{}", writers);
        entry("POST /api/vpr/imports", "POST /api/vpr/imports?test=2026-math-5&name=matrix.csv", "Код ОО;Код участника", writers);
        entry("GET /api/vpr/imports", "GET /api/vpr/imports", null, writers);
        entry("GET /api/vpr/columns", "GET /api/vpr/columns?test=2026-math-5", null, writers);
        entry("GET /api/vpr/imports/{id}", "GET /api/vpr/imports/987654321", null, "H/H H/H D/D D/D D/D D/D D/D");
        entry("GET /api/vpr/tests/{test}/form7", "GET /api/vpr/tests/2026-math-5/form7?school=%1$s", null, "A/A A/A A/A A/H A/H D/D A/H");
        entry("GET /api/vpr/tests/{test}/schools", "GET /api/vpr/tests/2026-math-5/schools", null, vprReaders);
        entry("GET /api/vpr/tests/{test}/export.xlsx", "GET /api/vpr/tests/2026-math-5/export.xlsx", null, vprReaders);
        entry("GET /api/vpr/tests/{test}/flags", "GET /api/vpr/tests/2026-math-5/flags", null, "A/A A/A A/A A/A D/D D/D D/D");
        entry("POST /api/vpr/tests/{test}/remarking", "POST /api/vpr/tests/2026-math-5/remarking",
                "{\"schools\":[\"%1$s\"],\"sample\":1,\"experts\":[\"nobody\"]}", writers);
        entry("GET /api/vpr/tests/{test}/remarking", "GET /api/vpr/tests/2026-math-5/remarking", null, "A/A A/A A/A D/D D/D D/D D/D");
        entry("GET /api/vpr/remarking/mine", "GET /api/vpr/remarking/mine", null, "D/D D/D D/D D/D D/D A/A D/D");
        entry("PUT /api/vpr/remarking/{id}", "PUT /api/vpr/remarking/987654321", "{\"scores\":[1]}", "D/D D/D D/D D/D D/D H/H D/D");
        // ГТО: offered, installed at runtime for this test (ensureModule); readers as ВПР's, a school imports its own results.
        String gtoImporters = "A/A A/A D/D D/D A/A D/D D/D";
        entry("GET /api/gto/norms", "GET /api/gto/norms", null, vprReaders);
        entry("POST /api/gto/norms", "POST /api/gto/norms", "{}", writers);
        entry("GET /api/gto/columns", "GET /api/gto/columns", null, gtoImporters);
        entry("POST /api/gto/imports", "POST /api/gto/imports?name=matrix.csv", "Код ОО;Код участника", gtoImporters);
        entry("GET /api/gto/imports/{id}", "GET /api/gto/imports/987654321", null, "H/H H/H D/D D/D H/H D/D D/D");
        entry("GET /api/gto/counts", "GET /api/gto/counts?year=2025&school=%1$s", null, "A/A A/A A/A A/H A/H D/D A/H");
        entry("GET /api/gto/counts.xlsx", "GET /api/gto/counts.xlsx?year=2025", null, vprReaders);
        entry("GET /api/gto/schools", "GET /api/gto/schools?year=2025", null, vprReaders);
        entry("GET /api/gto/schools/{school}/participants", "GET /api/gto/schools/%1$s/participants?year=2025", null,
                "A/A A/A A/A A/H A/H D/D A/H");
        // ВсОШ: offered, installed at runtime (ensureModule). The organisers of a stage import it: the centre every
        // stage, a founder the school and municipal stages, a school its school stage; the centre and founders set scores.
        String olympiadImporters = "A/A A/A D/D A/A A/A D/D D/D";
        String scoreSetters = "A/A A/A D/D A/A D/D D/D D/D";
        String organisers = "A/A A/A A/A A/A A/A D/D D/D";
        entry("GET /api/olympiad/years", "GET /api/olympiad/years", null, vprReaders);
        entry("POST /api/olympiad/years", "POST /api/olympiad/years", "{}", writers);
        entry("GET /api/olympiad/columns", "GET /api/olympiad/columns", null, olympiadImporters);
        entry("POST /api/olympiad/imports", "POST /api/olympiad/imports?year=2025&stage=school&name=matrix.csv", "Код ОО;Код участника",
                olympiadImporters);
        entry("GET /api/olympiad/imports/{id}", "GET /api/olympiad/imports/987654321", null, "H/H H/H D/D H/H H/H D/D D/D");
        entry("GET /api/olympiad/scores", "GET /api/olympiad/scores?year=2025", null, vprReaders);
        // A region-wide maximum: the centre sets it, a founder's attempt is refused as its own row (400).
        entry("PUT /api/olympiad/scores", "PUT /api/olympiad/scores?year=2025&stage=school",
                "{\"scores\":[{\"subject\":\"economics\",\"grade\":10,\"max\":50}]}", scoreSetters);
        entry("POST /api/olympiad/scores/imports", "POST /api/olympiad/scores/imports?year=2025&stage=school&name=matrix.csv",
                "Предмет;Класс", scoreSetters);
        entry("GET /api/olympiad/scores/imports/{id}", "GET /api/olympiad/scores/imports/987654321", null, "H/H H/H D/D H/H D/D D/D D/D");
        entry("GET /api/olympiad/counts", "GET /api/olympiad/counts?year=2025&school=%1$s", null, "A/A A/A A/A A/H A/H D/D A/H");
        entry("GET /api/olympiad/counts.xlsx", "GET /api/olympiad/counts.xlsx?year=2025", null, vprReaders);
        entry("GET /api/olympiad/schools", "GET /api/olympiad/schools?year=2025", null, vprReaders);
        entry("GET /api/olympiad/schools/{school}/participations", "GET /api/olympiad/schools/%1$s/participations?year=2025", null,
                "A/A A/A A/A A/H A/H D/D A/H");
        entry("GET /api/olympiad/admission", "GET /api/olympiad/admission?year=2025&stage=school", null, organisers);
        entry("GET /api/olympiad/admission.xlsx", "GET /api/olympiad/admission.xlsx?year=2025&stage=school", null, organisers);
        entry("GET /api/olympiad/disagreements", "GET /api/olympiad/disagreements?year=2025", null, organisers);
        entry("GET /api/olympiad/undecided", "GET /api/olympiad/undecided?year=2025", null, organisers);
        entry("GET /api/olympiad/flags", "GET /api/olympiad/flags?year=2025", null, "A/A A/A A/A A/A D/D D/D D/D");
        // Analytics (core): aggregates for every reader, a school's values within scope; the centre sets targets and assigns clusters.
        String scopedReaders = "A/A A/A A/A A/H A/H D/D A/H";
        entry("GET /api/analytics/catalogues", "GET /api/analytics/catalogues", null, vprReaders);
        entry("POST /api/analytics/catalogues", "POST /api/analytics/catalogues", "{}", writers);
        entry("GET /api/analytics/models", "GET /api/analytics/models", null, vprReaders);
        entry("POST /api/analytics/models", "POST /api/analytics/models", "{}", writers);
        entry("GET /api/analytics/indicators", "GET /api/analytics/indicators?year=2026&school=%1$s", null, scopedReaders);
        entry("GET /api/analytics/indicators.xlsx", "GET /api/analytics/indicators.xlsx?year=2026", null, vprReaders);
        entry("GET /api/analytics/indicators/{code}/dynamics", "GET /api/analytics/indicators/B02/dynamics?from=2025&to=2026&school=%1$s", null,
                scopedReaders);
        entry("GET /api/analytics/indicators/{code}/dynamics.xlsx", "GET /api/analytics/indicators/B02/dynamics.xlsx?from=2025&to=2026&school=%1$s",
                null, scopedReaders);
        entry("GET /api/analytics/targets", "GET /api/analytics/targets?year=2026", null, vprReaders);
        entry("PUT /api/analytics/targets", "PUT /api/analytics/targets?year=2026",
                "{\"targets\":[{\"indicator\":\"B02\",\"kind\":\"region\",\"code\":\"\",\"target\":30}]}", writers);
        entry("GET /api/analytics/clusters", "GET /api/analytics/clusters?year=2026&model=conditions", null, vprReaders);
        entry("POST /api/analytics/clusters", "POST /api/analytics/clusters?year=2026&model=conditions", null, writers);
        entry("GET /api/analytics/clusters.xlsx", "GET /api/analytics/clusters.xlsx?year=2026&model=conditions", null, vprReaders);
        // Risk flags: the centre, the ministry and founders within scope, never the school (as the modules' signs).
        String flagReaders = "A/A A/A A/A A/A D/D D/D D/D";
        entry("GET /api/analytics/flag-rules", "GET /api/analytics/flag-rules", null, flagReaders);
        entry("POST /api/analytics/flag-rules", "POST /api/analytics/flag-rules", "{}", writers);
        entry("GET /api/analytics/flags", "GET /api/analytics/flags?year=2026", null, flagReaders);
        entry("GET /api/analytics/flags.xlsx", "GET /api/analytics/flags.xlsx?year=2026", null, flagReaders);
        // НОКО: offered, installed at runtime (ensureModule); a campaign of 2090 for MX1 and MY1 (prepareOrganisationsAndAccounts).
        // The survey is public; the centre writes checks (an operator's account too, NokoIT), the school its plan.
        String nokoCampaign = "/api/noko/campaigns/2090";
        open("GET /api/noko/public/surveys/{token}");
        open("POST /api/noko/public/surveys/{token}");
        open("GET /api/noko/public/organisations/{org}");
        // The public school catalogue: no login, only what the region publishes (VprIT, WebUiIT).
        open("GET /schools"); // the catalogue page's short address
        open("GET /api/public/schools");
        open("GET /api/public/schools/territories");
        open("GET /api/public/schools/{code}");
        open("GET /api/public/schools/{code}/results/{procedure}");
        // The compendium (core): the centre builds, approves and publishes; the ministry reads every edition; the published
        // ones are public (CompendiumIT). A year before 2000 is refused (400) rather than built here.
        String compendiumReaders = "A/A A/A A/A D/D D/D D/D D/D";
        String compendiumEdition = "/api/compendium/editions/987654321";
        entry("GET /api/compendium/specs", "GET /api/compendium/specs", null, compendiumReaders);
        entry("POST /api/compendium/specs", "POST /api/compendium/specs", "{}", writers);
        entry("POST /api/compendium/editions", "POST /api/compendium/editions", "{\"year\":1990}", writers);
        entry("GET /api/compendium/editions", "GET /api/compendium/editions", null, compendiumReaders);
        entry("GET /api/compendium/editions/{id}", "GET " + compendiumEdition, null, "H/H H/H H/H D/D D/D D/D D/D");
        entry("GET /api/compendium/editions/{id}/compendium.{format}", "GET " + compendiumEdition + "/compendium.pdf", null,
                "H/H H/H H/H D/D D/D D/D D/D");
        for (String action : new String[] {"approve", "publish", "withdraw"}) {
            entry("POST /api/compendium/editions/{id}/" + action, "POST " + compendiumEdition + "/" + action, null, "H/H H/H D/D D/D D/D D/D D/D");
        }
        entry("DELETE /api/compendium/editions/{id}", "DELETE " + compendiumEdition, null, "H/H H/H D/D D/D D/D D/D D/D");
        entry("GET /api/compendium/jobs", "GET /api/compendium/jobs", null, writers);
        entry("GET /api/compendium/jobs/{id}", "GET /api/compendium/jobs/987654321", null, "H/H H/H D/D D/D D/D D/D D/D");
        open("GET /api/public/compendium");
        open("GET /api/public/compendium/{year}/compendium.{format}");
        entry("GET /api/noko/methods", "GET /api/noko/methods", null, everyone);
        entry("POST /api/noko/methods", "POST /api/noko/methods", "{}", writers);
        entry("GET /api/noko/campaigns", "GET /api/noko/campaigns", null, everyone);
        entry("POST /api/noko/campaigns", "POST /api/noko/campaigns", "{}", writers);
        entry("GET /api/noko/campaigns/{year}", "GET " + nokoCampaign, null, everyone);
        entry("POST /api/noko/campaigns/{year}/state", "POST " + nokoCampaign + "/state", "{\"state\":\"OPEN\"}", writers);
        entry("GET /api/noko/coverage", "GET /api/noko/coverage?year=2090", null, "A/A A/A A/A A/A D/D D/D D/D");
        entry("GET /api/noko/campaigns/{year}/organisations", "GET " + nokoCampaign + "/organisations", null, everyone);
        // An expert sees a campaign's organisations only as its operator (NokoIT).
        entry("GET /api/noko/campaigns/{year}/organisations/{org}/qr.svg", "GET " + nokoCampaign + "/organisations/%1$s/qr.svg", null,
                "A/A A/A A/A A/H A/H H/H A/H");
        entry("GET /api/noko/campaigns/{year}/organisations/{org}/checks", "GET " + nokoCampaign + "/organisations/%1$s/checks", null,
                "A/A A/A A/A A/H H/H H/H H/H");
        entry("PUT /api/noko/campaigns/{year}/organisations/{org}/checks", "PUT " + nokoCampaign + "/organisations/%1$s/checks",
                "{\"checks\":[{\"item\":\"stand-1\",\"present\":true}]}", "A/A A/A D/D D/D D/D D/D D/D");
        entry("POST /api/noko/campaigns/{year}/organisations/{org}/checks/{item}/evidence",
                "POST " + nokoCampaign + "/organisations/%1$s/checks/stand-2/evidence", "%%PDF-1.4 matrix", "A/A A/A D/D D/D D/D D/D D/D");
        entry("GET /api/noko/campaigns/{year}/organisations/{org}/checks/{item}/evidence",
                "GET " + nokoCampaign + "/organisations/%1$s/checks/stand-1/evidence", null, "A/A A/A A/A A/H H/H H/H H/H");
        entry("GET /api/noko/campaigns/{year}/results", "GET " + nokoCampaign + "/results", null, everyone);
        entry("GET /api/noko/campaigns/{year}/results.xlsx", "GET " + nokoCampaign + "/results.xlsx", null, everyone);
        entry("GET /api/noko/campaigns/{year}/plans", "GET " + nokoCampaign + "/plans", null, everyone);
        entry("GET /api/noko/campaigns/{year}/overdue", "GET " + nokoCampaign + "/overdue", null, "A/A A/A A/A A/A D/D D/D D/D");
        entry("GET /api/noko/campaigns/{year}/organisations/{org}/plan", "GET " + nokoCampaign + "/organisations/%1$s/plan", null,
                "A/A A/A A/A A/H A/H H/H A/H");
        String planAuthors = "A/A A/A D/D D/D A/H D/D D/D";
        entry("PUT /api/noko/campaigns/{year}/organisations/{org}/plan", "PUT " + nokoCampaign + "/organisations/%1$s/plan",
                "{\"version\":0,\"measures\":[{\"shortcoming\":\"x\",\"measure\":\"y\",\"deadline\":\"2090-05-01\",\"responsible\":\"z\"}]}",
                planAuthors);
        entry("POST /api/noko/campaigns/{year}/organisations/{org}/plan/submit", "POST " + nokoCampaign + "/organisations/%1$s/plan/submit",
                "{\"version\":0}", planAuthors);
        entry("POST /api/noko/campaigns/{year}/organisations/{org}/plan/decision", "POST " + nokoCampaign + "/organisations/%1$s/plan/decision",
                "{\"version\":0,\"approve\":true}", "A/A A/A D/D A/H D/D D/D D/D");
        entry("PUT /api/noko/campaigns/{year}/organisations/{org}/plan/measures/{position}/report",
                "PUT " + nokoCampaign + "/organisations/%1$s/plan/measures/1/report", "{\"version\":0,\"result\":\"r\",\"doneOn\":\"2090-05-01\"}",
                planAuthors);

        entry("GET /api/catalog/region", "GET /api/catalog/region", null, everyone);
        entry("GET /api/catalog/territories", "GET /api/catalog/territories", null, everyone);
        entry("GET /api/catalog/territories/{code}", "GET /api/catalog/territories/MX", null, everyone);
        entry("POST /api/catalog/territories", "POST /api/catalog/territories",
                "{\"code\":\"MT%3$s\",\"name\":\"Т\",\"type\":\"CITY_DISTRICT\",\"version\":0}", writers);
        entry("PUT /api/catalog/territories/{code}", "PUT /api/catalog/territories/MX",
                "{\"code\":\"MX\",\"name\":\"Район Матрица\",\"type\":\"MUNICIPAL_DISTRICT\",\"version\":-1}", writers);
        entry("GET /api/catalog/territories/{code}/organisations", "GET /api/catalog/territories/MX/organisations", null, everyone);
        entry("GET /api/catalog/organisations", "GET /api/catalog/organisations?q=%1$s", null, everyone);
        entry("GET /api/catalog/organisations/{code}", "GET /api/catalog/organisations/%1$s", null, scoped);
        entry("POST /api/catalog/organisations", "POST /api/catalog/organisations",
                "{\"code\":\"MN%3$s\",\"kind\":\"SCHOOL\",\"fullName\":\"Новая\",\"shortName\":\"Новая\",\"founderType\":\"PRIVATE\","
                        + "\"territoryCode\":\"MX\",\"settlementType\":\"CITY\",\"levels\":[\"NOO\"],\"status\":\"ACTIVE\",\"version\":0}",
                writers);
        entry("PUT /api/catalog/organisations/{code}", "PUT /api/catalog/organisations/%1$s",
                "{\"code\":\"%1$s\",\"kind\":\"SCHOOL\",\"fullName\":\"Ш\",\"shortName\":\"Ш\",\"status\":\"ACTIVE\",\"version\":-1}",
                writers);
        entry("POST /api/catalog/organisations/{code}/close", "POST /api/catalog/organisations/%1$s/close",
                "{\"closedOn\":\"2025-08-31\",\"version\":-1}", writers);
        entry("GET /api/catalog/organisations/{code}/contacts", "GET /api/catalog/organisations/%1$s/contacts", null, scoped);
        // Contacts are the founder's and the school's own business too, within their scope; version -1 answers 409 (CatalogIT).
        entry("PUT /api/catalog/organisations/{code}/contacts", "PUT /api/catalog/organisations/%1$s/contacts",
                "{\"phone\":\"+7 (3452) 00-00-01\",\"version\":-1}", "A/A A/A D/D A/H A/H D/D D/D");
        entry("GET /api/catalog/organisations/{code}/subtree", "GET /api/catalog/organisations/%1$s/subtree", null, scoped);
        entry("POST /api/catalog/import", "POST /api/catalog/import?dryRun=true&name=m.csv",
                "Код ОО;Полное наименование;Код территории\n%1$s;Школа;MX", writers);
        entry("GET /api/catalog/export", "GET /api/catalog/export?format=csv", null, everyone);
        entry("GET /api/catalog/columns", "GET /api/catalog/columns", null, everyone);
    }

    @Test
    public void everyEndpointHasAnEntryAndEveryRoleGetsWhatItShould() throws Exception {
        defineMatrix();
        TreeSet<String> existing = discoverEndpoints();
        TreeSet<String> missing = new TreeSet<>(existing);
        missing.removeAll(matrix.keySet());
        TreeSet<String> stale = new TreeSet<>(matrix.keySet());
        stale.removeAll(existing);
        assertTrue("endpoints without an entry in the authorisation matrix: " + missing, missing.isEmpty());
        assertTrue("entries whose endpoint no longer exists: " + stale, stale.isEmpty());

        prepareOrganisationsAndAccounts();
        Map<Role, WebSession> sessions = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            sessions.put(role, role == Role.ADMINISTRATOR ? admin() : login("mx." + role.name().toLowerCase(), PASSWORD));
        }

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Entry> item : matrix.entrySet()) {
            Entry entry = item.getValue();
            if (entry.open()) {
                continue;
            }
            int anonymous = call(WebSession.NONE, entry, "MX1", "mx.target.own").status();
            if (anonymous != 401) {
                failures.add(item.getKey() + " anonymous: " + anonymous + " instead of 401");
            }
            if (entry.expected() == null) {
                continue;
            }
            for (Role role : Role.values()) {
                String[][] targets = {{"MX1", "mx.target.own"}, {"MY1", "mx.target.foreign"}};
                for (int side = 0; side < 2; side++) {
                    Expect expect = entry.expected().get(role)[side];
                    Answer answer = call(sessions.get(role), entry, targets[side][0], targets[side][1]);
                    int status = answer.status();
                    String leak = CONFINED.contains(role) && status == 200 ? leak(answer.text()) : null;
                    if (leak != null) {
                        failures.add(item.getKey() + " " + role + (side == 0 ? " own" : " foreign") + ": the answer shows " + leak);
                    }
                    boolean ok = switch (expect) {
                        case A -> status != 401 && status != 403 && status != 404 && status < 500;
                        case D -> status == 403;
                        case H -> status == 404;
                    };
                    if (!ok) {
                        failures.add(item.getKey() + " " + role + (side == 0 ? " own" : " foreign") + ": " + status
                                + " instead of " + expect);
                    }
                }
            }
        }
        assertTrue(failures.size() + " mismatches:\n" + String.join("\n", failures), failures.isEmpty());
    }

    /**
     * A body the server cannot read is the caller's error on every endpoint that takes JSON: not JSON,
     * cut short, empty, or JSON of the wrong shape gets 400 with a message that says what is wrong,
     * never 500 and an incident. Sent as the administrator, whom no endpoint refuses beforehand.
     */
    @Test
    public void everyEndpointAnswersABodyItCannotReadWith400() throws Exception {
        defineMatrix();
        Map<String, Entry> json = new LinkedHashMap<>();
        matrix.forEach((endpoint, entry) -> {
            if (!entry.open() && entry.body() != null && !entry.path().contains("/import") && !entry.path().endsWith("/letter")
                    && !entry.path().contains("/files/") && !entry.path().endsWith("/evidence")) { // uploads of files take bytes, not JSON
                json.put(endpoint, entry);
            }
        });
        json.put("POST /api/auth/login", new Entry("POST", "/api/auth/login", "{}", null, true));
        assertTrue(json.keySet().toString(), json.size() > 20);
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("{\"code\": \"x\",\n  \"name\" \"no colon\"}", "line 2, column");
        bodies.put("{\"code\": \"x\", \"nam", "line 1, column");
        bodies.put("", "");
        bodies.put("[1, 2, 3]", "");
        bodies.put("\"just a string\"", "");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Entry> item : json.entrySet()) {
            String path = String.format(item.getValue().path(), "MX1", "mx.target.own", SEQUENCE.incrementAndGet(), "1");
            for (Map.Entry<String, String> body : bodies.entrySet()) {
                HttpResponse<String> answer = send(item.getValue().method(), path, "application/json",
                        body.getKey().getBytes(StandardCharsets.UTF_8));
                String text = answer.body();
                boolean explained = text.contains("\"message\"") && !text.contains("incident") && text.contains(body.getValue());
                if (answer.statusCode() != 400 || !explained) {
                    failures.add(item.getKey() + " with " + (body.getKey().isEmpty() ? "no body" : body.getKey().replace("\n", " "))
                            + ": " + answer.statusCode() + " " + text);
                }
            }
        }
        assertTrue(failures.size() + " bodies not refused with 400 and a reason:\n" + String.join("\n", failures), failures.isEmpty());
    }

    /** A status and, for reads, the text of the answer (an XLSX's cells as text). */
    private record Answer(int status, String text) {
    }

    private Answer call(WebSession session, Entry entry, String organisation, String account) throws Exception {
        String sequence = Integer.toString(SEQUENCE.incrementAndGet());
        String path = String.format(entry.path(), organisation, account, sequence, submissions.get(organisation));
        if (entry.method().equals("GET")) {
            HttpResponse<byte[]> response = getBytes(session, path);
            return new Answer(response.statusCode(), text(response.body()));
        }
        String body = entry.body() == null ? "" : String.format(entry.body(), organisation, account, sequence);
        String type = path.contains("/import") ? "text/csv" : path.endsWith("/letter") ? "application/pdf" : "application/json";
        return new Answer(send(session, entry.method(), path, type, body.getBytes(StandardCharsets.UTF_8)).statusCode(), "");
    }

    /** Roles confined to a part of the region: whatever they read must hold nothing of the foreign founder MYA's. */
    private static final java.util.Set<Role> CONFINED = java.util.EnumSet.of(Role.FOUNDER_COORDINATOR, Role.SCHOOL_COORDINATOR,
            Role.EXPERT, Role.OBSERVER);
    private static final List<String> FOREIGN = List.of("MY1", "MYA", "mx.target.foreign", "mx.foreign_school", "mx.watch.my1",
            "Школа МУ1", "Управление МУ");

    /** The first foreign thing the text names, or null: lists, filters and exports must not leak (docs/users.md). */
    private static String leak(String text) {
        return FOREIGN.stream().filter(text::contains).findFirst().orElse(null);
    }

    private static String text(byte[] body) throws java.io.IOException {
        if (body.length > 4 && body[0] == 'P' && body[1] == 'K') {
            StringBuilder cells = new StringBuilder();
            try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                    new java.io.ByteArrayInputStream(body))) {
                org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
                workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> cells.append(format.formatCellValue(cell)).append('\n'))));
            }
            return cells.toString();
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** "METHOD /path" of every resource method published through the REST whiteboard. */
    private TreeSet<String> discoverEndpoints() throws Exception {
        TreeSet<String> endpoints = new TreeSet<>();
        for (ServiceReference<?> reference : context.getServiceReferences((String) null, "(" + Rest.BASE + "=*)")) {
            Object service = context.getService(reference);
            try {
                Class<?> type = service.getClass();
                if (type.isAnnotationPresent(Provider.class)) {
                    continue;
                }
                String base = String.valueOf(reference.getProperty(Rest.BASE));
                String classPath = type.isAnnotationPresent(Path.class) ? type.getAnnotation(Path.class).value() : "";
                for (Method method : type.getMethods()) {
                    String http = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST"
                            : method.isAnnotationPresent(PUT.class) ? "PUT" : method.isAnnotationPresent(DELETE.class) ? "DELETE"
                            : method.isAnnotationPresent(PATCH.class) ? "PATCH" : null;
                    if (http == null) {
                        continue;
                    }
                    String methodPath = method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "";
                    String full = ("/" + base + "/" + classPath + "/" + methodPath).replaceAll("/+", "/");
                    if (full.length() > 1 && full.endsWith("/")) {
                        full = full.substring(0, full.length() - 1);
                    }
                    endpoints.add(http + " " + full);
                }
            } finally {
                context.ungetService(reference);
            }
        }
        return endpoints;
    }

    /** Founder MX with school MX1 (own) and founder MY with school MY1 (foreign); one account per role. */
    private void prepareOrganisationsAndAccounts() throws Exception {
        organisations("MX", "Район Матрица",
                "MXA;Муниципальный орган управления образованием;Управление МХ;MX;;;",
                "MYA;Муниципальный орган управления образованием;Управление МУ;MX;;;",
                "MXM;Министерство образования;Министерство Матрица;;;;",
                "MX1;;Школа МХ1;MX;Муниципальная;MXA;Сельская",
                "MY1;;Школа МУ1;MX;Муниципальная;MYA;Сельская");
        Map<Role, String> organisation = new EnumMap<>(Role.class);
        organisation.put(Role.FOUNDER_COORDINATOR, "MXA");
        organisation.put(Role.SCHOOL_COORDINATOR, "MX1");
        organisation.put(Role.EXPERT, "MX1");
        organisation.put(Role.OBSERVER, "MX1");
        // Region-wide roles belong to a region-level organisation (docs/users.md).
        organisation.put(Role.REGIONAL_COORDINATOR, "MXM");
        organisation.put(Role.MINISTRY_OFFICIAL, "MXM");
        for (Role role : Role.values()) {
            if (role != Role.ADMINISTRATOR) {
                account("mx." + role.name().toLowerCase(), organisation.getOrDefault(role, "MXA"), role.name(), PASSWORD);
            }
        }
        // The observer reads what it is assigned: its own school.
        HttpResponse<String> observed = sendJson("PUT", "/api/users/mx.observer/observed", Map.of("organisations", List.of("MX1")));
        assertEquals(observed.body(), 200, observed.statusCode());
        for (String school : List.of("MX1", "MY1")) {
            createAccount("mx.watch." + school.toLowerCase(), school, "OBSERVER");
        }
        // The folder of founder MXA exists, so that its downloads answer the administrator.
        assertEquals(202, sendJson("POST", "/api/users/folders", Map.of("founders", List.of("MXA"))).statusCode());
        long deadline = System.currentTimeMillis() + 60_000;
        while (!get("/api/users/folders").body().contains("\"MXA\"") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        createAccount("mx.target.own", "MX1");
        createAccount("mx.target.foreign", "MY1");
        // A НОКО campaign of 2090 for both schools (no operator: the operator's rights are NokoIT's), with an evidence file each.
        if (get("/api/noko/campaigns/2090").statusCode() == 404) {
            HttpResponse<String> noko = sendJson("POST", "/api/noko/campaigns", Map.of("year", 2090, "surveyFrom", "2090-03-01",
                    "surveyTo", "2090-04-01", "checksBy", "2090-04-01", "plansBy", "2090-06-01", "organisations", List.of("MX1", "MY1")));
            assertEquals(noko.body(), 201, noko.statusCode());
            for (String school : List.of("MX1", "MY1")) {
                HttpResponse<String> evidence = send("POST", "/api/noko/campaigns/2090/organisations/" + school + "/checks/stand-1/evidence",
                        "application/pdf", "%PDF-1.4 matrix".getBytes(StandardCharsets.UTF_8));
                assertEquals(evidence.body(), 204, evidence.statusCode());
            }
        }

        // A submission of МИАС 1 for each school, each with one value, so that none can be withdrawn.
        account("mx.foreign_school", "MY1", "SCHOOL_COORDINATOR", PASSWORD);
        for (String[] school : new String[][] {{"MX1", "mx.school_coordinator"}, {"MY1", "mx.foreign_school"}}) {
            HttpResponse<String> assigned = sendJson("POST", "/api/submissions",
                    Map.of("period", "matrix", "formId", "miac-1", "organisationCode", school[0]));
            assertEquals(assigned.body(), 201, assigned.statusCode());
            String id = JSON.readTree(assigned.body()).get("id").asText();
            submissions.put(school[0], id);
            HttpResponse<String> saved = sendJson(login(school[1], PASSWORD), "PUT", "/api/submissions/" + id + "/values/shifts",
                    Map.of("value", 1, "expectedRevision", 0));
            assertEquals(saved.body(), 200, saved.statusCode());
        }
        HttpResponse<String> campaign = send("POST", "/api/campaigns", "application/json", MATRIX_CAMPAIGN.getBytes(StandardCharsets.UTF_8));
        assertEquals(campaign.body(), 201, campaign.statusCode());
    }

    private static String createAccount(String login, String organisation) throws Exception {
        return createAccount(login, organisation, "SCHOOL_COORDINATOR");
    }
}
