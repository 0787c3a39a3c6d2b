package org.reformdesk.console.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.reformdesk.local.ApiClient;
import org.reformdesk.local.ConsolePlatform;
import org.reformdesk.local.Service;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser against the real platform: people sign in on Keycloak's login page, the overdue
 * chain shows on every page it touches (and arrives in a district officer's open inbox without a reload), a unit
 * officer sees only their unit and a leader writes nothing; a district's extension request goes through the office's
 * queue to a new deadline, and the office corrects the title and reassigns the responsible person. Every page's
 * screenshot, desktop and 360 px phone, goes to console/target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String WUHUA = "五华区";

    private static ConsolePlatform platform;
    private static Instant started;

    @BeforeAll
    static void startTheConsoleAndThePlatform() {
        started = Instant.now();
        // run in console/, whose build unpacked Keycloak under target/keycloak
        Path console = Path.of("").toAbsolutePath();
        platform = ConsolePlatform.start(console.getParent(), console.resolve("target"), Map.of());
        System.out.printf("console IT: up in %d s (%s)%n", Duration.between(started, Instant.now()).toSeconds(),
                platform.startTimes());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        System.out.printf("console IT: done in %d s%n", Duration.between(started, Instant.now()).toSeconds());
    }

    @Test
    @Order(1)
    void aDistrictOfficerSeesOnlyTheirDistrictAndGetsThe403PageForAnotherUnitsTask() {
        String otherUnitsTask = platform.api(Service.TASK, "office").get("/api/v1/tasks?size=50").path("items")
                .findValues("id").stream().map(JsonNode::asText)
                .filter(id -> !WUHUA.equals(leadUnitName(id))).findFirst().orElseThrow();
        try (Browser wuhua = Browser.signedIn(platform.consoleUrl(), "wuhua")) {
            wuhua.open("/");
            assertThat(wuhua.all(By.cssSelector("h1"))).isNotEmpty();
            assertThat(texts(wuhua, "#by-category td:first-child")).as("categories on wuhua's battle map")
                    .isNotEmpty().allMatch(text -> text.startsWith("C类"));
            assertThat(texts(wuhua, "#overdue-this-month td:nth-child(3)")).allMatch(WUHUA::equals);
            assertThat(wuhua.screenshots("dashboard")).as("the battle map overflows a phone by").isZero();

            wuhua.open("/ledger");
            List<String> leadUnits = texts(wuhua, "#ledger-table tbody tr td:nth-child(4)");
            assertThat(leadUnits).isNotEmpty().containsOnly(WUHUA);
            assertThat(wuhua.all(By.id("new-task-box"))).as("a unit officer enters no tasks").isEmpty();
            assertThat(wuhua.screenshots("ledger")).isZero();

            wuhua.open("/supervision");
            assertThat(texts(wuhua, "#orders-table tbody tr td:nth-child(3)")).containsOnly(WUHUA);
            assertThat(wuhua.screenshots("supervision")).isZero();

            wuhua.open("/pilots");
            assertThat(texts(wuhua, "#pilots-table tbody tr td:nth-child(3)")).allMatch(
                    text -> text.equals(WUHUA) || text.equals("暂无数据"));

            wuhua.open("/tasks/" + otherUnitsTask);
            assertThat(wuhua.find(By.cssSelector(".error-box h1")).getText()).isEqualTo("无权查看或办理");
            assertThat(wuhua.find(By.cssSelector(".error-box")).getAttribute("data-status")).isEqualTo("403");
            assertThat(wuhua.all(By.id("task-main"))).isEmpty();
            assertThat(wuhua.screenshots("forbidden")).isZero();
        }
    }

    @Test
    @Order(2)
    void aLeaderSeesEveryUnitAndNoWriteButtonAndSigningOutEndsTheKeycloakSession() {
        long officeTotal = platform.api(Service.TASK, "office").get("/api/v1/tasks?size=1").path("total").asLong();
        String task = platform.api(Service.TASK, "office").get("/api/v1/tasks?status=ASSIGNED&size=1")
                .path("items").get(0).path("id").asText();
        try (Browser leader = Browser.signedIn(platform.consoleUrl(), "leader")) {
            leader.open("/ledger");
            assertThat(leader.find(By.id("ledger-total")).getText()).contains(Long.toString(officeTotal));
            assertThat(leader.all(By.id("new-task-box"))).isEmpty();
            assertThat(leader.all(By.id("new-unit-box"))).isEmpty();

            leader.open("/tasks/" + task);
            assertThat(leader.all(By.cssSelector("button[data-action]"))).as("lifecycle buttons").isEmpty();
            assertThat(leader.all(By.id("report-form"))).isEmpty();
            assertThat(leader.all(By.cssSelector("#extension-form, #decision-form, #edit-form, #reassign-form")))
                    .as("extension, edit and reassignment forms").isEmpty();

            leader.open("/supervision");
            List<WebElement> orders = leader.all(By.cssSelector("#orders-table tbody tr a"));
            if (!orders.isEmpty()) {
                orders.get(0).click();
                leader.waitFor(By.id("order-state"));
                assertThat(leader.all(By.cssSelector("button[data-action]"))).isEmpty();
            }
            leader.open("/assessment?category=A");
            assertThat(leader.all(By.cssSelector("form[hx-post='/assessment/month-closes']"))).isEmpty();
            // ... but takes the month's rankings away as a workbook (the bulletin link shows once a month is closed)
            String sheet = leader.find(By.id("ranking-sheet")).getAttribute("href");
            assertThat(leader.script("""
                    const r = new XMLHttpRequest();
                    r.open('GET', arguments[0], false);
                    r.overrideMimeType('text/plain; charset=x-user-defined');
                    r.send();
                    return [r.status, r.getResponseHeader('Content-Type'), r.getResponseHeader('Content-Disposition'),
                            r.responseText.substring(0, 2)].join(' | ');""", sheet).toString())
                    .startsWith("200 | application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .contains("attachment").endsWith("| PK");

            // a write without the sign-in's anti-forgery token is refused, whatever the role
            assertThat(leader.postWithoutAntiForgeryToken("/tasks/" + task + "/transitions", "action=START"))
                    .isEqualTo(403);

            leader.find(By.cssSelector("a[href='/logout']")).click();
            leader.waitFor(By.id("signed-out"));
            leader.driver.get(platform.consoleUrl() + "/");
            leader.waitFor(By.id("kc-login"));
        }
    }

    @Test
    @Order(3)
    void anOverdueTaskTurnsRedRemindsOrdersAndRanksAndTheReminderArrivesLive() {
        String wuhuaId = unitId("KM-WH");
        LocalDate today = LocalDate.parse(platform.api(Service.TASK, "office").get("/api/v1/clock").path("today")
                .asText());
        LocalDate deadline = today.plusDays(1);
        String title = "推进“一网通办”改革 " + UUID.randomUUID().toString().substring(0, 4);

        try (Browser office = Browser.signedIn(platform.consoleUrl(), "office");
             Browser wuhua = Browser.signedInAllowingNotifications(platform.consoleUrl(), "wuhua")) {
            office.open("/assessment?category=C");
            WebElement before = office.find(By.cssSelector("#ranking-table tr[data-unit='" + wuhuaId + "']"));
            int rankBefore = Integer.parseInt(before.getAttribute("data-rank"));
            double scoreBefore = Double.parseDouble(before.getAttribute("data-score"));

            wuhua.open("/inbox");
            wuhua.script("window.stillTheSamePage = true");
            // 五华区's officer allowed notifications, as the page sees it
            assertThat(wuhua.script("return Notification.permission")).isEqualTo("granted");
            recordNotifications(wuhua);
            int remindersBefore = wuhua.all(By.cssSelector("#inbox-list li")).size();
            long totalBefore = Long.parseLong(wuhua.find(By.id("inbox-total")).getAttribute("data-total"));
            long unreadBefore = platform.api(Service.NOTIFICATION, "wuhua").get("/api/v1/me/notifications/unread-count")
                    .path("unread").asLong();
            await().atMost(Duration.ofSeconds(30)).until(() -> unread(wuhua) == unreadBefore);

            // the reform office registers a unit and enters a task due tomorrow, led by 五华区
            office.open("/ledger");
            office.find(By.cssSelector("#new-unit-box summary")).click();
            office.waitFor(By.cssSelector("#new-unit input[name=code]")).sendKeys("KM-GXQ-" + UUID.randomUUID()
                    .toString().substring(0, 4));
            office.find(By.cssSelector("#new-unit input[name=name]")).sendKeys("高新区");
            new Select(office.find(By.cssSelector("#new-unit select[name=category]"))).selectByValue("C");
            new Select(office.find(By.cssSelector("#new-unit select[name=kind]"))).selectByValue("DEVELOPMENT_ZONE");
            office.find(By.cssSelector("#new-unit button[type=submit]")).click();
            assertThat(office.waitFor(By.id("created-unit")).getText()).contains("高新区");

            office.open("/ledger");
            office.find(By.cssSelector("#new-task-box summary")).click();
            office.waitFor(By.cssSelector("#new-task input[name=title]")).sendKeys(title);
            // a missing deadline is the service's field error, shown beside the field
            office.find(By.cssSelector("#new-task button[type=submit]")).click();
            // ... in the person's language, as is the box above the form
            assertThat(office.waitFor(By.cssSelector("#new-task .field-error[data-field=deadline]")).getText())
                    .startsWith("不能为");
            assertThat(office.find(By.cssSelector("#new-task .problem")).getText()).contains("请求无效")
                    .doesNotContain("Invalid").doesNotContain("must not");
            new Select(office.find(By.cssSelector("#new-task select[name=leadUnitId]"))).selectByVisibleText(WUHUA);
            new Select(office.find(By.cssSelector("#new-task select[name=participatingUnitId]")))
                    .selectByVisibleText("高新区");
            new Select(office.find(By.cssSelector("#new-task select[name=responsiblePersonId]")))
                    .selectByVisibleText("马俊 · " + WUHUA);
            new Select(office.find(By.cssSelector("#new-task select[name=area]"))).selectByVisibleText("社会民生");
            office.script("arguments[0].value = arguments[1]", office.find(By.cssSelector("#new-task input[name=deadline]")),
                    deadline.toString());
            office.find(By.cssSelector("#new-task button[type=submit]")).click();
            String task = office.waitFor(By.id("created-task")).getAttribute("href").replaceAll(".*/tasks/", "");

            office.open("/ledger?q=" + title.substring(title.length() - 4));
            assertThat(office.find(By.cssSelector("tr[data-task='" + task + "']")).getAttribute("class"))
                    .isEqualTo("DUE_SOON");

            platform.moveEveryClock(deadline.plusDays(1).atTime(9, 0).atZone(CITY).toInstant());

            // 台账: the row turns red
            awaitOnReload(office, "/ledger?q=" + title.substring(title.length() - 4), () -> "OVERDUE".equals(
                    office.find(By.cssSelector("tr[data-task='" + task + "']")).getAttribute("class")));
            office.open("/ledger");
            assertThat(office.screenshots("ledger")).isZero();
            office.open("/");
            assertThat(office.screenshots("dashboard")).isZero();

            // 督办: the first rung, a 提示单, goes to 五华区
            awaitOnReload(office, "/supervision?subject=" + task, () -> !office.all(
                    By.cssSelector("#orders-table tr[data-rung=REMINDER_NOTICE]")).isEmpty());
            assertThat(office.find(By.cssSelector("#orders-table tr[data-rung=REMINDER_NOTICE] td b")).getText())
                    .isEqualTo("提示单");
            assertThat(office.screenshots("supervision")).isZero();
            office.find(By.cssSelector("#orders-table tr[data-rung=REMINDER_NOTICE] a")).click();
            office.waitFor(By.id("order-state"));
            assertThat(office.screenshots("order")).isZero();

            // 考核: 五华区's score and rank moved
            awaitOnReload(office, "/assessment?category=C", () -> {
                WebElement after = office.find(By.cssSelector("#ranking-table tr[data-unit='" + wuhuaId + "']"));
                return Double.parseDouble(after.getAttribute("data-score")) < scoreBefore
                        && Integer.parseInt(after.getAttribute("data-rank")) > rankBefore;
            });
            assertThat(office.screenshots("assessment")).isZero();
            office.find(By.cssSelector("#ranking-table tr[data-unit='" + wuhuaId + "'] td:nth-child(2) a")).click();
            office.waitFor(By.id("points-table"));
            assertThat(office.all(By.cssSelector("#points-table tr[data-indicator=OVERDUE_TASKS]"))).isNotEmpty();
            assertThat(office.screenshots("score")).isZero();

            office.open("/tasks/" + task);
            assertThat(office.find(By.id("task-light")).getText()).isEqualTo("红灯");
            assertThat(office.screenshots("task")).isZero();
            office.open("/pilots");
            assertThat(office.screenshots("pilots")).isZero();

            // 我的提醒: the district officer's open inbox got the reminder without a reload
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> !wuhua.all(
                    By.cssSelector("#inbox-list li[data-subject='" + task + "'][data-kind=TASK_OVERDUE]")).isEmpty());
            assertThat(wuhua.script("return window.stillTheSamePage")).isEqualTo(true);
            assertThat(wuhua.all(By.cssSelector("#inbox-list li")).size()).isGreaterThan(remindersBefore);
            // the header's unread count and the page's 共 N 项 followed, still without a reload
            await().atMost(Duration.ofSeconds(30)).until(() -> unread(wuhua) > unreadBefore);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> Long.parseLong(
                    wuhua.find(By.id("inbox-total")).getAttribute("data-total")) > totalBefore);
            assertThat(wuhua.script("return window.stillTheSamePage")).isEqualTo(true);
            // ... and popped up as a system notification, with the words the inbox shows
            WebElement overdue = wuhua.find(
                    By.cssSelector("#inbox-list li[data-subject='" + task + "'][data-kind=TASK_OVERDUE]"));
            String reminder = overdue.getAttribute("data-reminder");
            Map<String, String> inInbox = Map.of(
                    "title", words(overdue.findElement(By.cssSelector(".title")).getText()),
                    "body", words(overdue.findElement(By.cssSelector(".body")).getText()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shownNotifications(wuhua))
                    .as("system notifications shown, by reminder").containsEntry(reminder, inInbox));
            assertThat(wuhua.screenshots("inbox")).isZero();

            wuhua.open("/push");
            assertThat(wuhua.find(By.id("push")).getText()).contains("推送");
            assertThat(wuhua.screenshots("push")).isZero();
        }
    }

    @Test
    @Order(4)
    void aDistrictAsksForAnExtensionTheOfficeApprovesItFromItsQueueThenCorrectsAndReassigns() {
        LocalDate today = LocalDate.parse(platform.api(Service.TASK, "office").get("/api/v1/clock").path("today")
                .asText());
        LocalDate deadline = today.plusDays(10);
        LocalDate asked = today.plusDays(40);
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        String task = enterWuhuaTask("推进“放管服”改革 " + suffix, deadline);

        try (Browser wuhua = Browser.signedIn(platform.consoleUrl(), "wuhua");
             Browser office = Browser.signedIn(platform.consoleUrl(), "office")) {
            // 五华区's officer asks for a later deadline, with a reason
            wuhua.open("/tasks/" + task);
            assertThat(wuhua.all(By.id("task-corrections"))).as("a district neither edits nor reassigns").isEmpty();
            wuhua.find(By.cssSelector("#extension-box summary")).click();
            wuhua.script("arguments[0].value = arguments[1]",
                    wuhua.waitFor(By.cssSelector("#extension-form input[name=requestedDeadline]")), asked.toString());
            wuhua.find(By.cssSelector("#extension-form textarea[name=reason]")).sendKeys("需等待省级配套政策出台");
            wuhua.find(By.cssSelector("#extension-form button[type=submit]")).click();
            assertThat(wuhua.waitFor(By.id("extension-pending")).getText()).contains("待审批").contains(asked.toString());
            assertThat(wuhua.all(By.id("decision-form"))).as("only the office decides").isEmpty();
            assertThat(wuhua.all(By.id("extension-box"))).as("one pending request per task").isEmpty();
            assertThat(wuhua.screenshots("task-extension")).isZero();

            // the office finds it in its queue and approves it on the task's page
            office.open("/extension-requests");
            WebElement row = office.find(By.cssSelector("#queue-table tr[data-task='" + task + "']"));
            assertThat(row.getText()).contains("五华区").contains(deadline.toString()).contains(asked.toString());
            assertThat(office.screenshots("extension-queue")).isZero();
            row.findElement(By.cssSelector("a")).click();
            office.waitFor(By.id("decision-form")).findElement(By.name("comment")).sendKeys("同意延期，请抓紧推进");
            assertThat(office.screenshots("task-decision")).isZero();
            office.find(By.cssSelector("#decision-form button[data-decision=APPROVED]")).click();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                    office.find(By.id("task-deadline")).getText().startsWith(asked.toString()));
            assertThat(office.all(By.id("extension-pending"))).isEmpty();
            assertThat(office.find(By.cssSelector("#extensions-table tr[data-state=APPROVED]")).getText())
                    .contains("已同意");
            // the history reads one change: the approval, with the office's comment and the new deadline
            assertThat(office.all(By.cssSelector("#history-table tr[data-action=DEADLINE_CHANGED]"))).isEmpty();
            assertThat(office.find(By.cssSelector("#history-table tr[data-action=EXTENSION_APPROVED]")).getText())
                    .contains("同意延期").contains(asked.toString()).contains("同意延期，请抓紧推进");
            assertThat(office.screenshots("task-extended")).isZero();
            office.open("/extension-requests");
            assertThat(office.all(By.cssSelector("#queue-table tr[data-task='" + task + "']"))).isEmpty();

            // the office corrects the title: a blank one is the service's field error, beside the field
            office.open("/tasks/" + task);
            office.find(By.cssSelector("#edit-box summary")).click();
            WebElement title = office.waitFor(By.cssSelector("#edit-form input[name=title]"));
            title.clear();
            office.find(By.cssSelector("#edit-form button[type=submit]")).click();
            assertThat(office.waitFor(By.cssSelector("#edit-form .field-error[data-field=title]")).getText())
                    .isNotBlank();
            assertThat(office.screenshots("task-edit-refused")).isZero();
            String corrected = "深化“放管服”改革 " + suffix;
            office.find(By.cssSelector("#edit-form input[name=title]")).sendKeys(corrected);
            // ... and brings 盘龙区 in as a participating unit
            office.all(By.cssSelector("#edit-form input[name=participatingUnitIds]")).stream()
                    .filter(box -> box.findElement(By.xpath("..")).getText().strip().equals("盘龙区")).findFirst()
                    .orElseThrow().click();
            office.find(By.cssSelector("#edit-form button[type=submit]")).click();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                    office.find(By.cssSelector("#task-main h1")).getText().endsWith(corrected));
            assertThat(office.find(By.cssSelector(".change[data-field=title]")).getText()).contains(corrected);
            assertThat(office.find(By.id("participating-units")).getText()).contains("盘龙区");
            assertThat(office.find(By.cssSelector(".change[data-field=participatingUnitIds]")).getText())
                    .endsWith("→ 盘龙区");
            // and hands it to another person of 五华区 (改派), with a reason
            office.find(By.cssSelector("#reassign-box summary")).click();
            Select person = new Select(office.waitFor(
                    By.cssSelector("#reassign-form select[name=responsiblePersonId]")));
            String before = person.getFirstSelectedOption().getText();
            String other = person.getOptions().stream().map(WebElement::getText)
                    .filter(name -> name.endsWith("· " + WUHUA) && !name.equals(before)).findFirst().orElseThrow();
            person.selectByVisibleText(other);
            office.find(By.cssSelector("#reassign-form textarea[name=reason]")).sendKeys("人员分工调整");
            office.find(By.cssSelector("#reassign-form button[type=submit]")).click();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> office.find(
                    By.cssSelector(".change[data-field=responsiblePersonId]")).getText()
                    .endsWith(other.replace(" · " + WUHUA, "")));
            office.find(By.cssSelector("#reassign-box summary")).click();
            assertThat(office.screenshots("task-corrections")).isZero();

            // the district sees the new deadline
            wuhua.open("/tasks/" + task);
            assertThat(wuhua.find(By.id("task-deadline")).getText()).startsWith(asked.toString());
            assertThat(wuhua.find(By.cssSelector("#task-main h1")).getText()).endsWith(corrected);
        }
    }

    /** A task led by 五华区 with 马俊 responsible, entered by the office through task-service. */
    private static String enterWuhuaTask(String title, LocalDate deadline) {
        ApiClient office = platform.api(Service.TASK, "office");
        String wuhua = unitId("KM-WH");
        String person = office.get("/api/v1/people?unit=" + wuhua + "&size=50").path("items").findValues("id")
                .get(0).asText();
        return office.post("/api/v1/tasks", Map.of("title", title, "leadUnitId", wuhua,
                "responsiblePersonId", person, "deadline", deadline.toString(), "policyAreas", List.of("经济")),
                UUID.randomUUID().toString()).path("id").asText();
    }

    private static void awaitOnReload(Browser browser, String path, Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            browser.open(path);
            return condition.call();
        });
    }

    /**
     * From now on the page notes every system notification the browser lists for the console's service worker
     * ({@code getNotifications()}), every quarter second. Asking only at the end would miss them: a Chromium that
     * has no desktop notification service to hand them to (headless here) shows them as its own popups and closes
     * each after about 25 s, and {@code getNotifications()} lists what is on screen - this test got {@code []} when
     * it asked minutes after the reminder arrived.
     */
    private static void recordNotifications(Browser browser) {
        browser.script("""
                window.shownNotifications = {};
                navigator.serviceWorker.ready.then(function (registration) {
                  setInterval(function () {
                    registration.getNotifications().then(function (shown) {
                      shown.forEach(function (n) { window.shownNotifications[n.tag] = { title: n.title, body: n.body }; });
                    });
                  }, 250);
                });
                """);
    }

    /** The system notifications the page noted, by tag (the reminder's id): title and body, spaces folded. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> shownNotifications(Browser browser) {
        Map<String, Map<String, String>> shown = new HashMap<>();
        ((Map<String, Map<String, String>>) browser.script("return window.shownNotifications"))
                .forEach((tag, n) -> shown.put(tag, Map.of("title", words(n.get("title")),
                        "body", words(n.get("body")))));
        return shown;
    }

    private static String words(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** The header's unread count, 0 when its badge is empty. */
    private static long unread(Browser browser) {
        String badge = browser.find(By.id("unread")).getText().strip();
        return badge.isEmpty() ? 0 : Long.parseLong(badge);
    }

    private static List<String> texts(Browser browser, String css) {
        return browser.all(By.cssSelector(css)).stream().map(WebElement::getText).map(String::strip).toList();
    }

    private static String unitId(String code) {
        for (JsonNode unit : platform.api(Service.TASK, "office").get("/api/v1/units?size=200").path("items")) {
            if (code.equals(unit.path("code").asText())) {
                return unit.path("id").asText();
            }
        }
        throw new AssertionError("no unit " + code);
    }

    private static String leadUnitName(String task) {
        String unit = platform.api(Service.TASK, "office").get("/api/v1/tasks/" + task).path("leadUnitId").asText();
        return platform.api(Service.TASK, "office").get("/api/v1/units/" + unit).path("name").asText();
    }
}
