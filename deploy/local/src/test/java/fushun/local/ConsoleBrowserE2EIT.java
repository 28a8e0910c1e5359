package fushun.local;

import static fushun.local.E2EPlatform.JSON;
import static fushun.local.E2EPlatform.call;
import static fushun.local.E2EPlatform.clientToken;
import static fushun.local.E2EPlatform.userToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fushun.platform.pii.SyntheticIdNumbers;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real browser: Debian's headless Chromium, driven through its ChromeDriver by
 * Selenium, against the real platform. A user signs in through the real Keycloak (authorization
 * code with PKCE); the dashboard's figures must equal what the APIs return; a case goes from the
 * queue to a decision through three people, each seeing only their own step: the operator takes the
 * application down, the township reviewer reviews it, the county approver decides it (first, so the
 * dashboard then has an alert, a measure and a closing to show). Screenshots go to
 * {@code target/screenshots}.
 */
@ExtendWith(E2EPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserE2EIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (deploy/local/install-browser.sh)");
        profile = Files.createTempDirectory("fushun-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,2000", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(2)
    void shouldShowTheAnalystTheSameFiguresAsTheApis() throws Exception {
        signIn("city-analyst");
        WebElement total = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("monitored-total")));
        assertThat(total.getText()).isNotBlank();
        String token = userToken("city-analyst");

        // the read model catches up with the bus; once it is still, the page and the API must agree
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode board = JSON.readTree(call("GET", "/api/console/dashboard", token, null).body());
            browser.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(testId("monitored-total")));
            long monitored = 0;
            for (JsonNode area : board.get("byArea")) {
                monitored += area.get("monitored").asLong();
                assertThat(figure("area-" + area.get("code").asString() + "-monitored")).isEqualTo(area.get("monitored").asLong());
            }
            assertThat(figure("monitored-total")).isEqualTo(monitored);
            JsonNode funnel = board.get("funnel");
            assertThat(figure("funnel-identified")).isEqualTo(funnel.get("identified").asLong());
            assertThat(figure("funnel-warned")).isEqualTo(funnel.get("warned").asLong());
            assertThat(figure("funnel-assisted")).isEqualTo(funnel.get("assisted").asLong());
            assertThat(figure("funnel-eliminated")).isEqualTo(funnel.get("eliminated").asLong());
            for (JsonNode category : board.get("byCategory")) {
                assertThat(figure("category-" + category.get("category").asString()))
                        .isEqualTo(category.get("households").asLong());
            }
            for (JsonNode row : JSON.readTree(call("GET", "/api/monitoring/league-table", token, null).body())) {
                String key = "league-" + row.get("bureau").asString() + "-" + row.get("county").asString();
                assertThat(figure(key + "-total")).isEqualTo(row.get("total").asLong());
                assertThat(figure(key + "-overdue")).isEqualTo(row.get("overdueOpen").asLong());
            }
        });
        assertThat(browser.findElement(testId("line-2021")).getText()).isEqualTo("6,600.00");
        assertThat(browser.findElement(testId("who")).getText()).contains("city-analyst").contains("乡村振兴局分析员");
        screenshot("dashboard.png");
    }

    @Test
    @Order(1)
    void shouldTakeACaseFromTheQueueToADecisionThroughAnOperatorAReviewerAndAnApprover() throws Exception {
        String name = "浏览器测试户" + (char) ('甲' + new Random().nextInt(10));
        String householdId = caseForNewHousehold(name);

        signIn("xinbin-operator");
        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("queue")));
        WebElement search = browser.findElement(testId("search"));
        search.sendKeys(name);
        browser.findElement(testId("search-button")).click();
        wait.until(ExpectedConditions.textToBe(testId("total"), "共 1 件"));
        click(testId("case-link"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("apply-submit")));
        assertThat(browser.findElement(testId("case-head")).getText()).isEqualTo(name);
        assertThat(browser.findElement(testId("masked-id")).getText()).matches("\\d{4}\\*{10}\\d{3}[\\dX]");
        new Select(browser.findElement(testId("programme"))).selectByValue("DIBAO");
        click(testId("apply-submit"));
        wait.until(ExpectedConditions.textToBe(testId("application-status"), "待审核"));
        String caseUrl = browser.getCurrentUrl();
        String caseId = caseUrl.replaceAll(".*#/case/", "");
        // the operator submitted: no review or decision for them
        assertThat(browser.findElements(testId("review-submit"))).isEmpty();
        assertThat(browser.findElements(testId("decision-submit"))).isEmpty();

        // the township's reviewer finds it among what waits for them and reviews it
        signInAgain("xinbin-ca-reviewer");
        openCaseFromAwaiting(caseId);
        type(testId("review-opinion"), "乡镇审核：入户核查属实");
        new Select(browser.findElement(testId("review-recommend"))).selectByValue("true");
        click(testId("review-submit"));
        wait.until(ExpectedConditions.textToBe(testId("application-status"), "待审批"));
        assertThat(browser.findElements(testId("decision-submit"))).isEmpty();
        assertThat(browser.findElements(testId("apply-submit"))).isEmpty();
        assertThat(browser.findElements(testId("close-submit"))).isEmpty();

        // the county's approver decides it
        signInAgain("xinbin-ca-approver");
        openCaseFromAwaiting(caseId);
        type(testId("decision-reason"), "入户核查属实，无收入来源");
        new Select(browser.findElement(testId("decision-approve"))).selectByValue("true");
        click(testId("decision-submit"));
        wait.until(ExpectedConditions.textToBe(testId("application-status"), "已批准"));
        assertThat(browser.findElement(testId("reviewed-by")).getText()).isEqualTo("xinbin-ca-reviewer");
        assertThat(browser.findElement(testId("decided-by")).getText()).isEqualTo("xinbin-ca-approver");

        String operator = userToken("xinbin-operator");
        JsonNode applications = JSON.readTree(call("GET", "/api/social-assistance/applications?status=GRANTED&size=100",
                operator, null).body()).get("items");
        JsonNode granted = null;
        for (JsonNode application : applications) {
            if (householdId.equals(application.get("householdId").asString())) {
                granted = application;
            }
        }
        assertThat(granted).as("the granted application through the API").isNotNull();
        assertThat(browser.findElement(testId("monthly-amount")).getText())
                .isEqualTo(String.format("%,.2f", granted.at("/determination/monthlyAmount").asDouble()));
        assertThat(browser.findElement(testId("explanation")).getText()).contains("月保障金");
        screenshot("workbench-case.png");

        // closing the case is the operator's again
        signInAgain("xinbin-operator");
        browser.get(caseUrl);
        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("case-head")));
        type(testId("close-outcome"), "已纳入农村低保");
        browser.findElement(testId("close-submit")).click();
        wait.until(ExpectedConditions.textToBe(testId("case-status"), "已办结"));
        // the timeline, built by the console from the bus, shows the decision's status change
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(testId("timeline"))).getText())
                    .contains("民政救助状态变化：低保批准");
        });
    }

    // ---- helpers ----

    /**
     * Opens the case from what waits for the user, and waits for the case page: the list has review and
     * decision forms of its own, which must not be filled in while the case page is still loading.
     */
    private void openCaseFromAwaiting(String caseId) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("awaiting-me")));
        click(By.cssSelector("[data-testid='awaiting-me'] a[href='#/case/" + caseId + "']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("case-head")));
    }

    /** Another user in a browser of their own: no session of the previous user is left to reuse. */
    private void signInAgain(String username) throws Exception {
        closeBrowser();
        openBrowser();
        signIn(username);
    }

    private void signIn(String username) {
        browser.get(E2EPlatform.platform().gatewayUrl() + "/");
        wait.until(ExpectedConditions.elementToBeClickable(testId("login"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("who")));
    }

    /** A household with a case in 新宾县's queue: registered by the cadre, signalled by medical insurance. */
    private String caseForNewHousehold(String name) throws Exception {
        String idNumber = SyntheticIdNumbers.next(new Random(), "210422");
        String registered = call("POST", "/api/monitoring/households", userToken("xinbin-cadre"), """
                {"divisionCode":"210422100201","category":"OUT_OF_POVERTY",
                 "members":[{"name":"%s","idNumber":"%s","relationship":"户主","labourCapacity":"NONE"}]}
                """.formatted(name, idNumber)).body();
        String householdId = JSON.readTree(registered).get("householdId").asString();
        String batch = """
                {"settlements":[{"settlementId":"UI-%s","idNumber":"%s","insuredCounty":"210422","hospital":"抚顺市示例医院",
                 "settledOn":"%s","totalCost":9000.00,"policyRangeCost":9000.00,"basicInsurancePaid":2000.00}]}"""
                .formatted(UUID.randomUUID(), idNumber, LocalDate.now().withDayOfMonth(1));
        assertThat(call("POST", "/api/medical-insurance/settlements", clientToken(), batch).statusCode()).isEqualTo(200);
        String operator = userToken("xinbin-operator");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                call("GET", "/api/social-assistance/cases?status=OPEN&size=100", operator, null).body().contains(householdId));
        return householdId;
    }

    /** Clicks what the locator finds now, again if the page redrew it meanwhile. */
    private void click(By locator) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(locator).click();
            return true;
        });
    }

    private void type(By locator, String text) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(d -> {
                    d.findElement(locator).sendKeys(text);
                    return true;
                });
    }

    private long figure(String testId) {
        return Long.parseLong(browser.findElement(testId(testId)).getText().replace(",", ""));
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
