package org.oko.itests.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.oko.itests.support.ModuleJars;
import org.oko.itests.support.OkoHttp;
import org.oko.itests.support.OkoLauncher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI end to end in a real headless Chromium against the real distribution started by the
 * README's launcher, with its demo data: a founder assigns a form by ticking a school; the school
 * fills it, meets a rule's error, fixes it and submits; the founder returns it with comments; the
 * school corrects and resubmits; the founder verifies and uploads the letter; the administrator
 * installs a module at runtime and its form appears in the assignment screen. Screenshots of the
 * main screens go to {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiIT {

    private static final int HTTP_PORT = 18481;
    private static final String BASE = "http://localhost:" + HTTP_PORT + "/";
    private static final String DEMO_PASSWORD = "oko-demo-2026";
    private static final String SCHOOL = "9901001";
    private static final String PERIOD = "e2e-1";

    private final OkoLauncher oko = new OkoLauncher("web");
    private final Path screenshots = Path.of(System.getProperty("oko.screenshots", "target/screenshots")).toAbsolutePath();
    private WebDriver browser;
    private WebDriverWait wait;
    private String submissionUrl;
    private int shot;

    @BeforeAll
    void startOkoAndBrowser() throws Exception {
        for (String program : List.of("/usr/bin/chromium", "/usr/bin/chromedriver")) {
            if (!Files.isExecutable(Path.of(program))) {
                fail(program + " is missing: `./oko test` installs Debian's chromium and chromium-driver");
            }
        }
        oko.installFresh(18401, 11499, 44845);
        oko.start(HTTP_PORT);
        Files.createDirectories(screenshots);

        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // As the machine notes say: no sandbox as root, and no background traffic to a closed network.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1366,768", "--lang=ru-RU",
                "--user-data-dir=" + Files.createTempDirectory("oko-chromium"));
        // The browser's console, so that the last test can read what the Content-Security-Policy refused.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // screens redraw after each answer
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        oko.run("stop");
    }

    @Test
    @Order(1)
    void founderAssignsTheFormToASchoolByTickingItsCode() throws Exception {
        login("demo.founder", DEMO_PASSWORD);
        screenshot("founder-home");
        open("#/assign");
        new Select(waitFor(By.id("assign-target"))).selectByValue("form|miac-1");
        type(browser.findElement(By.id("assign-period")), PERIOD);
        waitFor(By.cssSelector("#assign-list[aria-busy='false']"));
        waitFor(By.id("tick-" + SCHOOL)).click();
        assertEquals("Отмечено: 1", browser.findElement(By.id("ticked-count")).getText());
        browser.findElement(By.id("assign-submit")).click();
        waitForText(By.id("assign-result"), "Назначено: 1");
        // The list shows the new assignment next to the school.
        waitForText(By.xpath("//tr[.//input[@id='tick-" + SCHOOL + "']]"), "Назначена");
        screenshot("assignment");
        logout();
    }

    @Test
    @Order(2)
    void schoolFillsMeetsAnErrorFixesItAndSubmits() throws Exception {
        login("demo.school", DEMO_PASSWORD);
        // The menu offers a school nothing the API would refuse it.
        String menu = browser.findElement(By.cssSelector("header nav")).getText();
        assertFalse(menu.contains("Пользователи") || menu.contains("Модули") || menu.contains("Назначение"), menu);
        WebElement task = waitFor(By.xpath("//tr[.//div[text()='" + PERIOD + "']]//a"));
        screenshot("school-home");
        task.click();
        waitFor(By.id("save-state"));
        submissionUrl = browser.getCurrentUrl();

        select("settlement", "rural");
        tick("programmes", "noo");
        tick("programmes", "ooo");
        type("shifts", "1");
        select("has_branches", "false");
        type("pupils_total", "200"); // the grades below add up to 220
        type("classes_total", "10");
        for (int grade = 1; grade <= 11; grade++) {
            type("by_grade.classes[" + grade + "]", grade <= 10 ? "1" : "0");
            type("by_grade.pupils[" + grade + "]", grade <= 10 ? "22" : "0");
        }
        type("by_study_form.pupils[full_time]", "220");
        type("by_study_form.pupils[part_time]", "0");
        type("by_study_form.pupils[distance]", "0");
        type("teachers_total", "20");
        type("teachers_highest", "5");
        type("teachers_first", "8");
        type("teachers_under_35", "4");
        type("teachers_pensioners", "6");
        for (String facility : List.of("gym", "library", "canteen", "internet_100")) {
            select(facility, "true");
        }
        type("computers_for_learning", "30");
        waitUntilSaved();
        waitForText(messagesOf("pupils_total"), "Сумма обучающихся по классам не равна общей численности");
        assertEquals(List.of(), unlabelledControls(), "every input of the generated form has a label");
        assertEquals("true", value("pupils_total").getAttribute("aria-invalid"));
        assertEquals("10", browser.findElement(By.cssSelector("output[data-key='pupils_per_teacher']")).getText(),
                "computed by the server (200 pupils / 20 teachers), shown with a decimal comma");
        screenshot("form-with-error");

        browser.findElement(By.id("submit")).click();
        waitForText(By.cssSelector("#workflow-result .alert.error"), "");
        assertTrue(browser.findElement(By.id("state")).getText().contains("Заполняется"), "not submitted with an error");

        type("pupils_total", "220");
        waitUntilSaved();
        wait.until(d -> d.findElement(messagesOf("pupils_total")).getText().isEmpty());
        waitForText(By.id("completion"), "100 %");
        browser.findElement(By.id("submit")).click();
        waitForText(By.id("workflow-result"), "Форма отправлена учредителю на проверку");
        waitForText(By.id("state"), "Отправлена");
        assertEquals("true", value("pupils_total").getAttribute("disabled"), "a submitted form is read-only");
        screenshot("form-submitted");

        open("#/modules");
        waitForText(By.tagName("main"), "Страница не найдена");
        logout();
    }

    @Test
    @Order(3)
    void founderReturnsItWithComments() throws Exception {
        login("demo.founder", DEMO_PASSWORD);
        assertTrue(Integer.parseInt(waitFor(By.id("to-verify")).getText()) >= 1, "the home page counts forms to verify");
        browser.get(submissionUrl);
        waitFor(By.id("return-comment")).sendKeys("Уточните численность обучающихся");
        browser.findElement(By.cssSelector("input[data-comment-for='computers_for_learning']")).sendKeys("Проверьте число компьютеров");
        screenshot("founder-verification");
        browser.findElement(By.id("return")).click();
        waitForText(By.id("workflow-result"), "Форма возвращена школе");
        waitForText(By.id("state"), "Возвращена");
        logout();
    }

    @Test
    @Order(4)
    void schoolCorrectsAndResubmits() throws Exception {
        login("demo.school", DEMO_PASSWORD);
        browser.get(submissionUrl);
        waitForText(By.id("return-comments"), "Уточните численность обучающихся");
        waitForText(By.id("return-comments"), "Проверьте число компьютеров");
        screenshot("school-returned");
        type("computers_for_learning", "32");
        waitUntilSaved();
        browser.findElement(By.id("submit")).click();
        waitForText(By.id("state"), "Отправлена");
        logout();
    }

    @Test
    @Order(5)
    void founderVerifiesAndUploadsTheLetter() throws Exception {
        login("demo.founder", DEMO_PASSWORD);
        browser.get(submissionUrl);
        waitFor(By.id("verify")).click();
        waitForText(By.id("workflow-result"), "Форма принята");
        waitForText(By.id("state"), "Проверена");

        // A file that only pretends to be a PNG: the server refuses it and says why.
        Path fake = Files.createTempDirectory("oko-letter").resolve("письмо.png");
        Files.writeString(fake, "not an image");
        waitFor(By.id("letter-file")).sendKeys(fake.toString());
        browser.findElement(By.id("letter-upload")).click();
        waitForText(By.cssSelector("#workflow-result .alert.error"), "");
        assertTrue(browser.findElement(By.id("state")).getText().contains("Проверена"), "nothing confirmed by a bad file");

        Path letter = fake.resolveSibling("letter.pdf");
        Files.write(letter, "%PDF-1.4\n% OKO end-to-end test letter\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        browser.findElement(By.id("letter-file")).sendKeys(letter.toString());
        browser.findElement(By.id("letter-upload")).click();
        waitForText(By.id("workflow-result"), "Письмо «letter.pdf» загружено, форма подтверждена");
        waitForText(By.id("state"), "Подтверждена");
        waitFor(By.id("letter-link"));
        screenshot("letter-uploaded");
        logout();
    }

    @Test
    @Order(6)
    void administratorInstallsAModuleAtRuntimeAndItsFormCanBeAssigned() throws Exception {
        login("admin", Files.readString(oko.home().resolve("etc/oko-admin.password")).trim());
        open("#/assign");
        waitFor(By.id("assign-target"));
        assertFalse(browser.findElement(By.id("assign-target")).getText().contains("Нормы ГТО (проверка)"), "not there before");

        Path module = Files.createTempDirectory("oko-module").resolve("oko-e2e-sport.jar");
        // The module brings a form and a screen of its own (the web extender, OKO-INF/web/).
        Files.write(module, ModuleJars.moduleJar("org.oko.e2e.sport", null, Map.of(
                "OKO-INF/forms/e2e-sport.json", ModuleJars.definition("e2e-sport", 1, "Нормы ГТО (проверка)"),
                "OKO-INF/web/screens.json", "{\"screens\":[{\"path\":\"sport\",\"title\":{\"ru\":\"Нормы ГТО\",\"en\":\"GTO\"},"
                        + "\"roles\":[\"ADMINISTRATOR\",\"REGIONAL_COORDINATOR\"],\"module\":\"sport.js\"}]}",
                "OKO-INF/web/sport.js", "import {h} from '/lib/dom.js';\nimport {get} from '/lib/api.js';\n"
                        + "export async function render(main) {\n  const forms = await get('/api/forms');\n"
                        + "  main.append(h('h1', {}, 'Нормы ГТО: сводка'), h('p', {id: 'sport-forms'}, `Форм в системе: ${forms.length}`));\n}\n")));
        open("#/modules");
        waitFor(By.id("module-file")).sendKeys(module.toString());
        browser.findElement(By.id("module-upload")).click();
        waitForText(By.id("module-result"), "установлен и запущен");
        waitFor(By.cssSelector("tr[data-module='org.oko.e2e.sport']"));
        screenshot("modules");

        // Module repositories on the same screen: the build's own repository, its modules, and which are here.
        String built = Path.of(System.getProperty("oko.module.repository")).toAbsolutePath().normalize().toUri().toString();
        type(waitFor(By.id("repository-url")), built);
        browser.findElement(By.cssSelector("#module-repositories form button[type='submit']")).click();
        waitForText(By.id("repository-result"), "Репозиторий добавлен");
        waitFor(By.cssSelector("[data-repository='" + built + "'] button")).click();
        By vpr = By.cssSelector("[data-repository='" + built + "'] tr[data-feature='oko-vpr']");
        waitForText(vpr, "ВПР");
        assertTrue(browser.findElement(vpr).getText().contains("Откатить"), "installed here: the row offers a rollback");
        screenshot("module-repositories");

        // Its screen joins the menu at once and renders from the module's own files.
        wait.until(d -> d.findElement(By.cssSelector("header nav")).getText().contains("Нормы ГТО"));
        browser.findElement(By.linkText("Нормы ГТО")).click();
        waitForText(By.tagName("main"), "Нормы ГТО: сводка");
        waitForText(By.id("sport-forms"), "Форм в системе:");

        open("#/assign");
        wait.until(d -> d.findElement(By.id("assign-target")).getText().contains("Нормы ГТО (проверка)"));
        new Select(browser.findElement(By.id("assign-target"))).selectByValue("form|e2e-sport");
        screenshot("assign-new-module-form");
    }

    @Test
    @Order(7)
    void administratorImportsTheCatalogAfterADryRun() throws Exception {
        String header = "Код ОО;Тип организации;Полное наименование;Код территории;Тип учредителя;Код учредителя;Тип местности\n";
        Path folder = Files.createTempDirectory("oko-import");
        Path bad = folder.resolve("каталог-с-ошибкой.csv");
        Files.writeString(bad, header + "9909998;;Школа с ошибкой;ZZ;Муниципальная;990100;Городская\n");
        Path good = folder.resolve("каталог.csv");
        // No settlement type: a warning the check shows, which blocks nothing.
        Files.writeString(good, header + "9909999;;Школа сквозного теста;01;Муниципальная;990100;\n");

        open("#/catalog");
        waitFor(By.cssSelector("#import summary")).click();
        waitFor(By.id("import-file")).sendKeys(bad.toString());
        browser.findElement(By.id("import-check")).click();
        waitForText(By.id("import-report"), "ничего не изменено");
        waitForText(By.id("import-report"), "ZZ");
        assertTrue(browser.findElements(By.id("import-apply")).isEmpty(), "a file with errors cannot be applied");
        screenshot("catalog-import-errors");

        // A file with a column of its own: the check shows how each column is read; choosing what the column
        // means checks the file again with that mapping.
        Path own = folder.resolve("каталог-района.csv");
        Files.writeString(own, "Код ОО;Наименование учреждения;Код территории;Тип учредителя;Код учредителя;Тип местности\n"
                + "9909997;Школа со своим столбцом;01;Муниципальная;990100;Городская\n");
        browser.findElement(By.id("import-file")).sendKeys(own.toString());
        browser.findElement(By.id("import-check")).click();
        waitForText(By.id("import-report"), "ничего не изменено");
        new Select(waitFor(By.cssSelector("#import-columns select[aria-label='Наименование учреждения']"))).selectByValue("FULL_NAME");
        waitForText(By.id("import-report"), "будет создано 1");
        screenshot("catalog-import-columns");

        browser.findElement(By.id("import-file")).sendKeys(good.toString());
        browser.findElement(By.id("import-check")).click();
        waitForText(By.id("import-report"), "будет создано 1");
        waitForText(By.id("import-warnings"), "Не указан тип местности");
        waitFor(By.id("import-apply")).click();
        waitForText(By.id("import-report"), "Загружено: создано 1");
        WebElement search = browser.findElement(By.id("catalog-q"));
        search.sendKeys("сквозного теста", Keys.ENTER);
        waitForText(By.tagName("main"), "9909999");

        // The organisation's contacts: a bad e-mail is refused naming the field, the corrected one is saved.
        waitFor(By.cssSelector("button[aria-label='Контакты: Школа сквозного теста']")).click();
        waitFor(By.id("contacts-phone")).sendKeys("+7 (3452) 00-99-99");
        WebElement email = browser.findElement(By.id("contacts-email"));
        email.sendKeys("school9909999.example.ru");
        browser.findElement(By.id("contacts-save")).click();
        waitForText(By.id("contacts-message"), "адрес электронной почты");
        assertEquals("true", email.getAttribute("aria-invalid"));
        email.clear();
        email.sendKeys("school9909999@example.ru");
        browser.findElement(By.id("contacts-save")).click();
        waitForText(By.id("contacts-message"), "Контакты сохранены");
        screenshot("catalog-contacts");
    }

    @Test
    @Order(8)
    void theMainScreensOpenWithoutErrors() throws Exception {
        // Still the administrator: every screen of the menu renders and is kept as a screenshot.
        for (String[] screen : new String[][] {{"#/", "Мои задачи"}, {"#/catalog", "Каталог ОО"}, {"#/users", "Электронные папки"},
                {"#/campaigns", "Кампании мониторинга"}, {"#/campaigns/miac-2026", "Дорожная карта"},
                {"#/campaigns/miac-2026/steps/form-1-autumn/dashboard", "Итого"}, {"#/submissions", "Формы ОО"},
                {"#/audit", "module.install"}, {"#/notifications", "Уведомления"},
                {"#/x/vpr", "Шаблон статистического отчёта по результатам ВПР"}}) {
            open(screen[0]);
            waitForText(By.tagName("main"), screen[1]);
            wait.until(d -> !d.findElement(By.tagName("main")).getText().contains("Загрузка…"));
            assertTrue(browser.findElements(By.cssSelector("main .alert.error")).isEmpty(),
                    screen[0] + ": " + browser.findElement(By.tagName("main")).getText());
            assertEquals(List.of(), unlabelledControls(), screen[0] + ": every control has a label");
            screenshot(screen[0].replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "").replaceAll("^$", "home"));
        }
        // The roles offered for a new account are the server's list (/api/ui/roles) with the bundles' labels.
        open("#/users");
        waitFor(By.cssSelector("#new-account summary")).click();
        List<String> roles = new Select(waitFor(By.id("new-role"))).getOptions().stream()
                .map(option -> option.getAttribute("textContent")).toList();
        assertEquals(List.of("Администратор", "Региональный координатор", "Представитель министерства", "Координатор учредителя",
                "Координатор ОО", "Эксперт", "Наблюдатель"), roles);
        open("#/campaigns/miac-2026/steps/form-1-autumn/dashboard");
        waitFor(By.cssSelector("main table tbody th a")).click();
        waitForText(By.tagName("main"), "Регион ›");
        screenshot("dashboard-territory");

        // English is the second language: the same screens, switched in the header and back.
        browser.findElement(By.xpath("//header//button[text()='EN']")).click();
        waitForText(By.tagName("main"), "Progress by school");
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        screenshot("dashboard-english");
        browser.findElement(By.xpath("//header//button[text()='RU']")).click();
        waitForText(By.tagName("main"), "Ход сбора по школам");

        // The ВПР module's screen: the signs with their explanations.
        open("#/x/vpr");
        waitFor(By.id("vpr-tab-flags")).click();
        waitForText(By.id("vpr-body"), "Пороги — решение региона");
        screenshot("vpr-flags");
        browser.findElement(By.id("vpr-tab-stats")).click();
        // The demo ВПР results are written in the background after the start: until then no school has any.
        long deadline = System.currentTimeMillis() + 90_000;
        while (new org.openqa.selenium.support.ui.Select(waitFor(By.id("vpr-school"))).getOptions().size() < 2) {
            assertTrue(System.currentTimeMillis() < deadline, "no school with demo ВПР results within 90 s");
            Thread.sleep(1000);
            open("#/x/vpr");
            waitFor(By.id("vpr-tab-stats")).click();
        }
        new org.openqa.selenium.support.ui.Select(waitFor(By.id("vpr-school"))).selectByIndex(1);
        waitForText(By.id("vpr-form7"), "Городской округ"); // the school beside its territory and the region
        screenshot("vpr-form7-school");

        // A results file with a column of the region's own: refused, with how each column was read; choosing what
        // that column means and importing again takes the file (the same column step as the catalogue's).
        StringBuilder results = new StringBuilder("Код ОО;Шифр работы;Класс");
        for (int task = 1; task <= 14; task++) {
            results.append(';').append(task);
        }
        results.append('\n').append(SCHOOL).append(";E2E-00001;5А").append(";1".repeat(14)).append('\n');
        Path file = Files.createTempDirectory("oko-vpr").resolve("впр-свои-столбцы.csv");
        Files.writeString(file, results);
        new Select(browser.findElement(By.id("vpr-test"))).selectByValue("2026-math-5");
        waitFor(By.id("vpr-tab-import")).click();
        waitFor(By.id("vpr-file")).sendKeys(file.toString());
        browser.findElement(By.id("vpr-import")).click();
        waitForText(By.id("vpr-import-result"), "В файле нет обязательных столбцов: «Код участника»");
        new Select(waitFor(By.cssSelector("#vpr-columns select[aria-label='Шифр работы']"))).selectByValue("participant");
        screenshot("vpr-import-columns");
        waitFor(By.id("vpr-import-again")).click();
        waitForText(By.id("vpr-import-result"), "Загружено работ: 1");
    }

    @Test
    @Order(9)
    void aNewAccountChangesItsOneTimePasswordAtFirstLogin() throws Exception {
        open("#/users");
        waitFor(By.cssSelector("#new-account summary")).click();
        waitFor(By.id("new-login")).sendKeys("e2e.school");
        browser.findElement(By.id("new-name")).sendKeys("Координатор сквозного теста");
        browser.findElement(By.id("new-organisation")).sendKeys("9901002");
        browser.findElement(By.id("new-create")).click();
        String oneTime = waitFor(By.id("new-one-time")).getText();
        assertFalse(oneTime.isBlank());
        logout();

        browser.findElement(By.id("login")).sendKeys("e2e.school");
        browser.findElement(By.id("password")).sendKeys(oneTime);
        browser.findElement(By.id("login-submit")).click();
        waitFor(By.id("new-password")).sendKeys("Novograd-2026x");
        browser.findElement(By.id("new-password-again")).sendKeys("Novograd-2026y");
        browser.findElement(By.id("password-submit")).click();
        waitForText(By.tagName("main"), "Пароли не совпадают");
        screenshot("first-login-password");
        WebElement again = browser.findElement(By.id("new-password-again"));
        again.clear();
        again.sendKeys("Novograd-2026x");
        browser.findElement(By.id("password-submit")).click();
        waitForText(By.tagName("main"), "Мои задачи");
        logout();
        login("e2e.school", "Novograd-2026x");
    }

    @Test
    @Order(10)
    void aSchoolUploadsAFileIntoAFileIndicatorAndRemovesIt() throws Exception {
        OkoHttp admin = OkoHttp.admin(HTTP_PORT, oko.home());
        String form = "{\"id\":\"e2e-files\",\"version\":1,\"title\":{\"ru\":\"Форма с файлом\",\"en\":\"A form with a file\"},"
                + "\"sections\":[{\"id\":\"main\",\"title\":\"Основное\",\"items\":["
                + "{\"code\":\"charter\",\"label\":\"Скан устава\",\"type\":\"file\",\"required\":true}]}]}";
        assertEquals(201, admin.send("POST", "/api/forms/definitions", "application/json", form).statusCode());
        java.net.http.HttpResponse<String> assigned = admin.post("/api/submissions",
                java.util.Map.of("period", "e2e-files", "formId", "e2e-files", "organisationCode", SCHOOL));
        assertEquals(201, assigned.statusCode(), assigned.body());
        long id = OkoHttp.JSON.readTree(assigned.body()).get("id").asLong();
        Path scan = Files.createTempDirectory("oko-e2e").resolve("Устав школы.pdf");
        Files.write(scan, "%PDF-1.7\n% a scan of the charter\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        login("demo.school", DEMO_PASSWORD);
        open("#/submissions/" + id);
        WebElement picker = waitFor(By.cssSelector("input[type='file'][data-key='charter']"));
        assertTrue(unlabelledControls().isEmpty(), unlabelledControls().toString());
        picker.sendKeys(scan.toString());
        waitForText(By.cssSelector("[data-code='charter'] a.file-link"), "Устав школы.pdf");
        waitUntilSaved();
        assertTrue(browser.findElement(By.cssSelector("[data-code='charter'] a.file-link")).getAttribute("href")
                .endsWith("/api/submissions/" + id + "/files/charter"));
        screenshot("file-indicator");
        assertTrue(admin.get("/api/submissions/" + id).body().contains("Устав школы.pdf ("), "the server holds the uploaded file's value");

        browser.findElement(By.cssSelector("[data-code='charter'] button")).click();
        waitForText(By.cssSelector("[data-code='charter'] a.file-link"), "файл не загружен");
        waitUntilSaved();
        assertEquals(404, admin.get("/api/submissions/" + id + "/files/charter").statusCode(), "removed on the server too");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /**
     * Everything the tests above did ran under the platform's Content-Security-Policy (no inline
     * script or style, nothing from elsewhere): the browser refused nothing.
     */
    /**
     * The ГТО module's screen, once an administrator has installed the module and published an edition of the
     * norms: a results file imported through the shared import card, the school's counts with their chart.
     */
    @Test
    @Order(11)
    void theGtoScreenImportsAFileAndShowsTheCounts() throws Exception {
        OkoHttp admin = OkoHttp.admin(HTTP_PORT, oko.home());
        install(admin, "oko-gto", "/api/gto/norms");
        String norms;
        try (java.io.InputStream in = WebUiIT.class.getResourceAsStream("/org/oko/itests/gto/norms-fixture.json")) {
            norms = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertEquals(201, admin.send("POST", "/api/gto/norms", "application/json", norms).statusCode());
        Path file = Files.createTempDirectory("oko-e2e").resolve("гто-2025.csv");
        Files.writeString(file, "Код ОО;Код участника;Пол;Дата рождения;Дата тестирования;Бег на 30 м;Бег на 1000 м;"
                + "Подтягивание из виса на высокой перекладине;Наклон вперёд из положения стоя на гимнастической скамье\n"
                + SCHOOL + ";1;м;10.04.2015;20.04.2025;5,4;4:50;5;+8\n");

        login("admin", Files.readString(oko.home().resolve("etc/oko-admin.password")).trim());
        open("#/x/gto?year=2025");
        waitForText(By.tagName("main"), "ГТО: нормативы, знаки отличия, форма 8");
        waitFor(By.id("gto-tab-import")).click();
        waitFor(By.id("gto-file")).sendKeys(file.toString());
        assertEquals(List.of(), unlabelledControls(), "every control of the import card has a label");
        browser.findElement(By.id("gto-import")).click();
        waitForText(By.id("gto-import-result"), "Загружено испытаний: 1");
        browser.findElement(By.id("gto-tab-counts")).click();
        WebElement school = waitFor(By.id("gto-school"));
        school.sendKeys(SCHOOL);
        browser.findElement(By.id("gto-show")).click();
        waitForText(By.id("gto-counts"), "Школа");
        assertTrue(browser.findElement(By.cssSelector("#gto-counts svg[role='img']")).getAttribute("aria-label").contains("Школа"),
                "the chart says its values in words");
        assertTrue(browser.findElements(By.cssSelector("main .alert.error")).isEmpty(), browser.findElement(By.tagName("main")).getText());
        screenshot("gto-counts");

        // One participant's results typed in on the participants tab: the same import underneath.
        browser.findElement(By.id("gto-tab-participants")).click();
        waitFor(By.id("gto-participants-school")).sendKeys(SCHOOL);
        browser.findElement(By.id("gto-participants-show")).click();
        waitForText(By.id("gto-participants"), "1");
        waitFor(By.cssSelector("#gto-entry summary")).click();
        waitFor(By.id("gto-entry-participant")).sendKeys("2");
        new Select(browser.findElement(By.id("gto-entry-sex"))).selectByValue("ж");
        browser.findElement(By.id("gto-entry-birthDate")).sendKeys("10.04.2015");
        browser.findElement(By.id("gto-entry-testDate")).sendKeys("20.04.2025");
        browser.findElement(By.id("gto-entry-event-run-30")).sendKeys("5,6");
        browser.findElement(By.id("gto-entry-event-run-1000")).sendKeys("5:10");
        browser.findElement(By.id("gto-entry-event-push-ups")).sendKeys("13");
        browser.findElement(By.id("gto-entry-event-bend")).sendKeys("+11");
        assertEquals(List.of(), unlabelledControls(), "every field of the entry has a label");
        browser.findElement(By.id("gto-entry-save")).click();
        waitForText(By.id("gto-entry-result"), "Результаты сохранены");
        waitForText(By.id("gto-participants"), "Бронзовый знак"); // four golds of the four mandatory qualities: bronze
        screenshot("gto-entry");
        WebElement participant = browser.findElement(By.id("gto-entry-participant"));
        participant.clear();
        participant.sendKeys("3");
        browser.findElement(By.id("gto-entry-event-run-30")).sendKeys("быстро");
        browser.findElement(By.id("gto-entry-save")).click();
        waitForText(By.id("gto-entry-result"), "Бег на 30 м"); // refused with the event named: nothing written
    }

    @Test
    @Order(12)
    void theOlympiadScreenSetsScoresImportsAStageAndAdmits() throws Exception {
        OkoHttp admin = OkoHttp.admin(HTTP_PORT, oko.home());
        install(admin, "oko-olympiad", "/api/olympiad/years");
        Path file = Files.createTempDirectory("oko-e2e").resolve("всош-школьный.csv");
        Files.writeString(file, "Код ОО;Код участника;Класс;Предмет;Балл\n" + SCHOOL + ";W1;9;Математика;80\n" + SCHOOL + ";W2;9;Математика;40\n");

        login("admin", Files.readString(oko.home().resolve("etc/oko-admin.password")).trim());
        open("#/x/olympiad?year=2025");
        waitForText(By.tagName("main"), "ВсОШ: этапы, статусы, допуск, форма 13");
        // The organiser's scores typed in: the school stage's maximum and passing score for the whole region.
        waitFor(By.id("olympiad-tab-scores")).click();
        new Select(waitFor(By.id("olympiad-scores-subject"))).selectByValue("math");
        browser.findElement(By.id("olympiad-scores-grade")).sendKeys("9");
        browser.findElement(By.id("olympiad-scores-max")).sendKeys("100");
        browser.findElement(By.id("olympiad-scores-passing")).sendKeys("50");
        assertEquals(List.of(), unlabelledControls(), "every control of the scores tab has a label");
        browser.findElement(By.id("olympiad-scores-save")).click();
        waitForText(By.tagName("main"), "admin, "); // the row with who set it
        // The school stage's results through the shared import card.
        browser.findElement(By.id("olympiad-tab-import")).click();
        waitFor(By.id("olympiad-file")).sendKeys(file.toString());
        browser.findElement(By.id("olympiad-import")).click();
        waitForText(By.id("olympiad-import-result"), "Загружено участий: 2");
        browser.findElement(By.id("olympiad-tab-counts")).click();
        waitFor(By.id("olympiad-school")).sendKeys(SCHOOL);
        browser.findElement(By.id("olympiad-show")).click();
        waitForText(By.id("olympiad-counts"), "2 / 2 / 1 / 1"); // two participations, two people, one diploma, one awarded
        assertTrue(browser.findElement(By.cssSelector("#olympiad-counts svg[role='img']")).getAttribute("aria-label").contains("Школа"),
                "the chart says its values in words");
        screenshot("olympiad-counts");
        browser.findElement(By.id("olympiad-tab-admission")).click();
        waitForText(By.id("olympiad-admission"), "Допущены на этап «Муниципальный этап»: 1");
        assertTrue(browser.findElements(By.cssSelector("main .alert.error")).isEmpty(), browser.findElement(By.tagName("main")).getText());
        screenshot("olympiad-admission");
    }

    @Test
    @Order(13)
    void thePublicSurveyIsAnsweredOnAPhoneWithoutLoginOnce() throws Exception {
        OkoHttp admin = OkoHttp.admin(HTTP_PORT, oko.home());
        install(admin, "oko-noko", "/api/noko/methods");
        java.time.LocalDate today = java.time.LocalDate.now();
        java.net.http.HttpResponse<String> created = admin.post("/api/noko/campaigns", java.util.Map.of("year", 2096,
                "surveyFrom", today.toString(), "surveyTo", today.plusDays(10).toString(), "checksBy", today.plusDays(10).toString(),
                "plansBy", today.plusDays(30).toString(), "organisations", List.of(SCHOOL)));
        assertEquals(201, created.statusCode(), created.body());
        String link = new com.fasterxml.jackson.databind.ObjectMapper().readTree(admin.get("/api/noko/campaigns/2096/organisations").body())
                .get(0).get("link").asText();

        // A respondent: no session, a phone's screen.
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.get(link);
            waitForText(By.tagName("main"), "Анкета получателя образовательных услуг");
            assertTrue(browser.findElement(By.id("question-q2")).getAttribute("hidden") != null, "asked only after a yes to q1");
            browser.findElement(By.id("answer-q1-yes")).click();
            assertTrue(browser.findElement(By.id("question-q2")).isDisplayed());
            browser.findElement(By.id("answer-q2-yes")).click();
            browser.findElement(By.id("answer-q5-no")).click();
            browser.findElement(By.id("answer-q14-yes")).click();
            assertEquals(List.of(), unlabelledControls(), "every answer has a label");
            Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, overflow, "nothing wider than the phone");
            screenshot("noko-survey-phone");
            Thread.sleep(3_200); // a questionnaire answered at once is a script's
            browser.findElement(By.id("survey-send")).click();
            waitForText(By.tagName("main"), "Спасибо! Ваши ответы приняты.");
            browser.navigate().refresh();
            waitForText(By.tagName("main"), "С этого устройства анкета уже заполнена");
            // The server refuses a second answer from this browser even when the page is tricked into sending it.
            Object status = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "const api = '/api/noko/public/surveys/' + new URLSearchParams(location.search).get('t');"
                            + "fetch(api).then(r => r.json()).then(s => new Promise(w => setTimeout(() => w(s), 3200)))"
                            + ".then(s => fetch(api, {method: 'POST', headers: {'Content-Type': 'application/json'},"
                            + " body: JSON.stringify({ballot: s.ballot, answers: {q14: true}, website: ''})}))"
                            + ".then(r => done(r.status), e => done(String(e)));");
            assertEquals(409L, status);
            screenshot("noko-survey-done");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
        }
        assertEquals(1, new com.fasterxml.jackson.databind.ObjectMapper().readTree(admin.get("/api/noko/campaigns/2096/results").body())
                .get("organisations").get(0).get("result").get("respondents").asInt(), "one answer stored");

        // The centre's screen: the results with the one respondent marked, and the operator's checklist.
        login("admin", Files.readString(oko.home().resolve("etc/oko-admin.password")).trim());
        open("#/x/noko?year=2096&tab=results");
        waitForText(By.tagName("main"), "Результаты 2096 года");
        waitForText(By.tagName("main"), "мало ответов");
        assertTrue(browser.findElements(By.cssSelector("main .alert.error")).isEmpty(), browser.findElement(By.tagName("main")).getText());
        screenshot("noko-results");
        browser.findElement(By.id("noko-tab-checks")).click();
        waitForText(By.id("noko-checks"), "Информация на стендах");
        assertEquals(List.of(), unlabelledControls(), "every control of the checklist has a label");
        screenshot("noko-checks");

        // Published: the organisation's public page, with no login, shows its score.
        assertEquals(200, admin.post("/api/noko/campaigns/2096/state", java.util.Map.of("state", "CLOSED")).statusCode());
        assertEquals(200, admin.post("/api/noko/campaigns/2096/state", java.util.Map.of("state", "PUBLISHED")).statusCode());
        browser.manage().deleteAllCookies();
        browser.get(BASE + "ext/org.oko.noko/public/organisation.html?org=" + SCHOOL + "&year=2096");
        waitForText(By.id("noko-page-score"), "Независимая оценка качества условий 2096 года");
        screenshot("noko-public-page");
    }

    /**
     * A МИАС form with a branch table: the school (which opens a branch first, so that the form asks for it) types
     * form 5's sample (form-definitions/miac-5/src/test/resources/samples, the values FormDefinitionsTest and
     * CampaignFormsIT check) into the screen, meets the sample's rule with its one invalid value, restores it and submits.
     */
    @Test
    @Order(14)
    void aSchoolFillsAFormWithItsBranchesTableAndSubmits() throws Exception {
        com.fasterxml.jackson.databind.JsonNode sample = OkoHttp.JSON.readTree(
                Path.of("../form-definitions/miac-5/src/test/resources/samples/miac-5.json").toFile());
        assertEquals(SCHOOL, sample.get("units").get(0).get("key").asText(), "the sample's head organisation is the demo school");
        String branch = sample.get("units").get(1).get("key").asText();
        OkoHttp admin = OkoHttp.admin(HTTP_PORT, oko.home());
        if (admin.get("/api/catalog/organisations/" + branch).statusCode() == 404) {
            String csv = "Код ОО;Полное наименование;Код территории;Тип учредителя;Код учредителя;Тип местности;Код головной организации\n"
                    + branch + ";Филиал школы сквозного теста;01;Муниципальная;990100;Сельская;" + SCHOOL + "\n";
            java.net.http.HttpResponse<String> imported = admin.upload("/api/catalog/import?name=branch.csv", "text/csv",
                    csv.getBytes(StandardCharsets.UTF_8));
            assertTrue(OkoHttp.JSON.readTree(imported.body()).get("applied").asBoolean(), imported.body());
        }
        java.net.http.HttpResponse<String> assigned = admin.post("/api/submissions",
                Map.of("period", "e2e-5", "formId", "miac-5", "organisationCode", SCHOOL));
        assertEquals(201, assigned.statusCode(), assigned.body());
        long id = OkoHttp.JSON.readTree(assigned.body()).get("id").asLong();
        // The forms look an organisation's branches up at most every 10 s: the new one is there after that.
        for (long deadline = System.nanoTime() + 30_000_000_000L;
                OkoHttp.JSON.readTree(admin.get("/api/submissions/" + id).body()).get("structuralUnits").size() < 2; ) {
            assertTrue(System.nanoTime() < deadline, "the branch is not among the form's structural units");
            Thread.sleep(500);
        }
        com.fasterxml.jackson.databind.JsonNode definition = OkoHttp.JSON.readTree(
                Path.of("../form-definitions/miac-5/src/main/resources/OKO-INF/forms/miac-5.json").toFile());
        String rule = sample.get("invalid").get("rule").asText();
        String ruleMessage = null;
        for (com.fasterxml.jackson.databind.JsonNode r : definition.get("rules")) {
            if (r.get("id").asText().equals(rule)) {
                ruleMessage = r.get("message").get("ru").asText();
            }
        }
        assertTrue(ruleMessage != null, rule + " is one of form 5's rules");

        login("demo.school", DEMO_PASSWORD);
        open("#/submissions/" + id);
        waitFor(By.id("save-state"));
        fill(sample.get("valid"));
        waitUntilSaved();
        waitForText(By.id("completion"), "100 %");
        assertEquals(List.of(), unlabelledControls(), "every cell of the branches table has a label");
        screenshot("form-5-branches");

        fill(sample.get("invalid").get("change"));
        waitUntilSaved();
        waitForText(By.tagName("main"), ruleMessage);
        browser.findElement(By.id("submit")).click();
        waitForText(By.cssSelector("#workflow-result .alert.error"), "");
        assertTrue(browser.findElement(By.id("state")).getText().contains("Заполняется"), "not submitted with an error");

        com.fasterxml.jackson.databind.JsonNode restored = OkoHttp.JSON.createObjectNode();
        sample.get("invalid").get("change").fieldNames().forEachRemaining(
                key -> ((com.fasterxml.jackson.databind.node.ObjectNode) restored).set(key, sample.get("valid").get(key)));
        fill(restored);
        waitUntilSaved();
        String message = ruleMessage;
        wait.until(d -> !d.findElement(By.tagName("main")).getText().contains(message));
        browser.findElement(By.id("submit")).click();
        waitForText(By.id("workflow-result"), "Форма отправлена учредителю на проверку");
        waitForText(By.id("state"), "Отправлена");
        screenshot("form-5-submitted");
        com.fasterxml.jackson.databind.JsonNode sent = OkoHttp.JSON.readTree(admin.get("/api/submissions/" + id).body());
        assertEquals("SUBMITTED", sent.get("submission").get("state").asText());
        String branchCell = "units.teachers[" + branch + "]";
        assertEquals(sample.get("valid").get(branchCell).asInt(), sent.get("values").get(branchCell).get("value").asInt(),
                "the branch's row reached the server");
        logout();
    }

    /** Types values into the form screen as a person does: choices picked, boxes ticked, numbers with a decimal comma. */
    private void fill(com.fasterxml.jackson.databind.JsonNode values) {
        values.fields().forEachRemaining(entry -> {
            WebElement control = value(entry.getKey());
            com.fasterxml.jackson.databind.JsonNode v = entry.getValue();
            if (control.getTagName().equals("select")) {
                new Select(control).selectByValue(v.asText());
            } else if (control.getTagName().equals("fieldset")) {
                v.forEach(option -> tick(entry.getKey(), option.asText()));
            } else {
                type(control, v.isNumber() ? v.asText().replace('.', ',') : v.asText());
            }
        });
    }

    /**
     * The analytics screen as the regional coordinator: the school's form 5 of a year of its own gives an indicator's
     * value in the table; a target typed in is saved, a wrong one is refused with the server's reason and put back; the
     * dynamics show the value in the table and a chart drawn by ECharts; the clusters tab places the school with why.
     */
    @Test
    @Order(15)
    void theAnalyticsScreenShowsIndicatorsDynamicsAndClusters() throws Exception {
        int year = 2094;
        OkoHttp admin = OkoHttp.admin(HTTP_PORT, oko.home());
        java.net.http.HttpResponse<String> assigned = admin.post("/api/submissions",
                Map.of("period", year + "-2", "formId", "miac-5", "organisationCode", SCHOOL));
        assertEquals(201, assigned.statusCode(), assigned.body());
        long id = OkoHttp.JSON.readTree(assigned.body()).get("id").asLong();
        OkoHttp school = new OkoHttp(HTTP_PORT).login("demo.school", DEMO_PASSWORD);
        for (Map.Entry<String, Integer> value : Map.of("teachers_total", 20, "teachers_highest", 5, "teachers_first", 7).entrySet()) {
            java.net.http.HttpResponse<String> saved = school.send("PUT", "/api/submissions/" + id + "/values/" + value.getKey(),
                    "application/json", OkoHttp.JSON.writeValueAsString(Map.of("value", value.getValue(), "expectedRevision", 0)));
            assertEquals(200, saved.statusCode(), saved.body());
        }
        String territory = OkoHttp.JSON.readTree(admin.get("/api/catalog/organisations/" + SCHOOL).body()).get("territoryCode").asText();

        login("demo.regional", DEMO_PASSWORD);
        open("#/x/analytics?year=" + year + "&territory=" + territory + "&school=" + SCHOOL);
        By b02 = By.cssSelector("#analytics-indicators tr[data-code='B02']");
        waitForText(b02, "Доля учителей высшей квалификационной категории");
        assertEquals("25", browser.findElements(b02).get(0).findElements(By.tagName("td")).get(3).getText(), "5 of 20 teachers at the school");
        assertEquals(List.of(), unlabelledControls(), "every chooser and every target field has a label");
        screenshot("analytics-indicators");
        WebElement target = browser.findElement(By.cssSelector("#analytics-indicators tr[data-code='B02'] input[aria-label^='Целевое']"));
        type(target, "30");
        waitForText(By.id("analytics-targets-result"), "Значения показателя B02 сохранены");
        target.sendKeys(Keys.chord(Keys.CONTROL, "a"), "много", Keys.TAB); // typed over, not cleared first: one change
        waitForText(By.cssSelector("#analytics-targets-result .alert.error"), "«много» — не число");
        assertEquals("30", target.getAttribute("value"), "the refused value is put back");

        browser.findElement(By.id("analytics-tab-dynamics")).click();
        new Select(waitFor(By.id("analytics-indicator"))).selectByValue("B02");
        waitForText(By.cssSelector("#analytics-dynamics caption"), "B02"); // the first indicator's table is replaced
        WebElement last = browser.findElements(By.cssSelector("#analytics-dynamics tbody tr")).get(4);
        assertTrue(last.getText().startsWith(year + " 25"), last.getText());
        waitFor(By.cssSelector("#analytics-dynamics .echart[role='img'] canvas"));
        assertTrue(browser.findElement(By.cssSelector("#analytics-dynamics .echart")).getAttribute("aria-label").contains(year + " — 25"),
                "the chart says its values in words");
        screenshot("analytics-dynamics");

        browser.findElement(By.id("analytics-tab-clusters")).click();
        waitForText(By.id("analytics-clusters"), "B03 = 60"); // 12 of 20 teachers of the first two categories, against the rules
        assertTrue(browser.findElement(By.id("analytics-clusters")).getText().contains(SCHOOL));
        waitFor(By.cssSelector("#analytics-clusters .echart canvas"));
        browser.findElement(By.id("analytics-assign")).click();
        waitForText(By.id("analytics-assign-result"), "Распределение " + year + " года закреплено: школ");
        assertTrue(browser.findElements(By.cssSelector("main .alert.error")).isEmpty(), browser.findElement(By.tagName("main")).getText());
        screenshot("analytics-clusters");
        browser.findElement(By.id("analytics-tab-flags")).click();
        waitFor(By.cssSelector("#analytics-body .alert, #analytics-flagged"));
        screenshot("analytics-flags");
        logout();
    }

    /**
     * The public school catalogue with nobody logged in: the demo school found by its code; its card shows no ВПР
     * until the region publishes it in {@code etc/org.oko.publication.cfg}, then the demo's ВПР results; the page
     * keeps to the security headers and passes axe-core's WCAG 2 A/AA rules, on a phone's screen too.
     */
    @Test
    @Order(16)
    void theCentreBuildsApprovesAndPublishesTheCompendium() throws Exception {
        login("demo.regional", DEMO_PASSWORD);
        open("#/x/compendium");
        waitFor(By.id("compendium-build")).click();
        // The build runs in the background; the screen follows it and lists the new draft.
        new WebDriverWait(browser, Duration.ofSeconds(180)).until(d -> d.findElement(By.id("compendium-status")).getText().contains("Собран выпуск"));
        WebElement approve = waitFor(By.cssSelector("button[id^='compendium-approve-']"));
        assertEquals(List.of(), unlabelledControls(), "the year and the spec have labels");
        screenshot("compendium-draft");
        approve.click();
        waitForText(By.id("compendium-status"), "утверждён");
        waitFor(By.cssSelector("button[id^='compendium-publish-']")).click();
        browser.switchTo().alert().accept(); // it replaces the year's published edition: asked first
        waitForText(By.id("compendium-status"), "опубликован");
        waitForText(By.id("compendium-editions"), "demo.regional");
        screenshot("compendium-published");
        logout();
    }

    @Test
    @Order(17)
    void thePublicCatalogueFindsASchoolWithoutLoginAndShowsOnlyWhatIsPublished() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(BASE + "schools"); // the short address, sent on to the page
        WebElement query = waitFor(By.name("q"));
        query.sendKeys(SCHOOL);
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
        waitForText(By.id("found"), "Найдено школ:"); // the school, and a branch an earlier step opened
        // The compendium the centre published in the step before, linked under the search.
        assertTrue(browser.findElement(By.id("compendia")).getText().contains("Сборник за " + java.time.Year.now().getValue() + " год"));
        assertEquals(List.of(), accessibilityProblems(), "the search page");
        browser.findElement(By.cssSelector("#schools a[href='?school=" + SCHOOL + "']")).click();
        waitFor(By.id("no-results"));
        // The demo school's contacts, as links: to call, to write, and its site (opened without giving it this page).
        WebElement facts = browser.findElement(By.cssSelector("dl.facts"));
        assertEquals("+7 (3452) 00-10-01", facts.findElement(By.cssSelector("a[href='tel:+73452001001']")).getText());
        assertEquals("school9901001@example.ru", facts.findElement(By.cssSelector("a[href='mailto:school9901001@example.ru']")).getText());
        assertEquals("noopener", facts.findElement(By.cssSelector("a[href='https://school9901001.example.ru']")).getAttribute("rel"));
        assertEquals(List.of(), accessibilityProblems(), "the card with contacts");
        screenshot("public-card-unpublished");

        OkoHttp anonymous = new OkoHttp(HTTP_PORT);
        assertEquals(404, anonymous.get("/api/public/schools/" + SCHOOL + "/results/vpr").statusCode());
        java.net.http.HttpResponse<String> html = anonymous.get("/ext/org.oko.publication/public/schools.html");
        assertEquals("DENY", html.headers().firstValue("X-Frame-Options").orElse(""));
        assertTrue(html.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), html.headers().toString());

        Path settings = oko.home().resolve("etc/org.oko.publication.cfg");
        String before = Files.readString(settings);
        Files.writeString(settings, before.replaceFirst("(?m)^procedures =.*$", "procedures = vpr"));
        try {
            for (long deadline = System.nanoTime() + 30_000_000_000L;
                 anonymous.get("/api/public/schools/" + SCHOOL + "/results/vpr").statusCode() != 200; Thread.sleep(200)) {
                assertTrue(System.nanoTime() < deadline, "ВПР published within 30 s of the setting");
            }
            ((org.openqa.selenium.chromium.ChromiumDriver) browser).executeCdpCommand("Network.clearBrowserCache", Map.of()); // max-age
            browser.navigate().refresh();
            waitForText(By.id("results-vpr"), "Всероссийские проверочные работы");
            assertTrue(browser.findElement(By.tagName("main")).getText().contains("Участников в школе"));
            assertEquals(List.of(), accessibilityProblems(), "the card with results");
            screenshot("public-card");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            browser.navigate().refresh();
            waitFor(By.id("results-vpr"));
            assertEquals(List.of(), accessibilityProblems(), "the card on a phone");
            screenshot("public-card-phone");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
            Files.writeString(settings, before);
        }
    }

    /** axe-core's serious and critical violations of WCAG 2 A and AA on the page as it stands, one line each. */
    private List<String> accessibilityProblems() throws IOException {
        String axe;
        try (java.io.InputStream in = WebUiIT.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            assertTrue(in != null, "axe-core's WebJar is on the test class path");
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        org.openqa.selenium.JavascriptExecutor script = (org.openqa.selenium.JavascriptExecutor) browser;
        script.executeScript(axe);
        Object found = script.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}, resultTypes: ['violations']})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        List<String> problems = new java.util.ArrayList<>();
        ((List<?>) found).forEach(p -> problems.add(String.valueOf(p)));
        return problems;
    }

    @Test
    @Order(18)
    void theContentSecurityPolicyRefusedNothing() {
        List<String> refused = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
        assertEquals(List.of(), refused);
    }

    /** An offered module installed at runtime through the API, waited for until {@code probe} answers. */
    private static void install(OkoHttp admin, String feature, String probe) throws Exception {
        java.net.http.HttpResponse<String> installed = admin.post("/api/modules", java.util.Map.of("feature", feature));
        assertEquals(201, installed.statusCode(), installed.body());
        for (long deadline = System.nanoTime() + 60_000_000_000L; admin.get(probe).statusCode() != 200; ) {
            assertTrue(System.nanoTime() < deadline, feature + " did not come up");
            Thread.sleep(200);
        }
    }

    private void login(String login, String password) {
        browser.get(BASE);
        wait.until(d -> !d.findElements(By.id("login")).isEmpty() || !d.findElements(By.id("logout")).isEmpty());
        if (!browser.findElements(By.id("logout")).isEmpty()) { // an earlier test stopped half-way
            logout();
        }
        waitFor(By.id("login")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        waitFor(By.id("logout"));
    }

    private void logout() {
        browser.findElement(By.id("logout")).click();
        waitFor(By.id("login"));
    }

    private void open(String hash) {
        browser.get(BASE + hash);
    }

    private WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void waitForText(By by, String text) throws IOException {
        try {
            wait.until(d -> {
                List<WebElement> found = d.findElements(by);
                return !found.isEmpty() && found.get(0).isDisplayed() && found.get(0).getText().contains(text);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed");
            throw new AssertionError("«" + text + "» did not appear in " + by + "; the page says:\n"
                    + browser.findElement(By.tagName("main")).getText(), e);
        }
    }

    /** Inputs, selects and text areas that a screen reader could not name. */
    @SuppressWarnings("unchecked")
    private List<String> unlabelledControls() {
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('main input, main select, main textarea')]"
                        + ".filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                        + " && !e.getAttribute('aria-labelledby'))"
                        + ".map(e => e.outerHTML.slice(0, 120));");
    }

    private static By messagesOf(String key) {
        return By.id("m-" + key.replaceAll("[^A-Za-z0-9_-]", "_"));
    }

    private WebElement value(String key) {
        return waitFor(By.cssSelector("[data-key='" + key + "']"));
    }

    private void type(String key, String text) {
        type(value(key), text);
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text, Keys.TAB); // leaving the field saves it
    }

    private void select(String key, String optionValue) {
        new Select(value(key)).selectByValue(optionValue);
    }

    private void tick(String key, String optionValue) {
        value(key).findElement(By.cssSelector("input[value='" + optionValue + "']")).click();
    }

    private void waitUntilSaved() {
        wait.until(d -> {
            WebElement state = d.findElement(By.id("save-state"));
            return state.getAttribute("class").contains("saved") && state.getText().contains("сохранены");
        });
    }

    private void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(String.format("%02d-%s.png", ++shot, name)), png);
    }
}
