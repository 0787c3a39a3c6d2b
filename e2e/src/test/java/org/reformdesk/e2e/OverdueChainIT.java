package org.reformdesk.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.Topics;
import org.reformdesk.local.Platform;
import org.reformdesk.local.Postgres;
import org.reformdesk.local.Ports;
import org.reformdesk.local.Service;
import org.reformdesk.local.ServiceProcess;
import org.reformdesk.testing.ConsumerLag;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.EventSender;
import org.reformdesk.testing.TokenMint;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * The chain the product exists for, across the five packaged services as separate processes: a task passes
 * its deadline, the responsible person gets a reminder, the lead unit gets a 提示单, and the unit's live score
 * and rank drop; a replayed event and a second sweep change nothing. And the day-one workflows on the same chain:
 * an extension approved before the deadline keeps all of that from happening, and a reassigned task's reminders go
 * to its new responsible person.
 */
class OverdueChainIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Postgres POSTGRES = Postgres.fromEnvironment();
    private static final Map<Service, String> DATABASES = new EnumMap<>(Service.class);
    private static final TokenMint TOKENS = TokenMint.generate();

    private static Platform platform;

    @BeforeAll
    static void startThePlatform() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            DATABASES.put(service, "e2e_" + service.name().toLowerCase() + "_" + run);
            ports.put(service, Ports.free());
        }
        platform = Platform.start(new Platform.Settings(ROOT, ROOT.resolve("e2e/target/platform-" + run), POSTGRES,
                DATABASES, ports, Ports.free(), Ports.free(), TOKENS.quarkusConfig(),
                Map.of("reform.time.movable", "true", "reform.deadline.sweep-every", "1s")));
        platform.startTimes().forEach((service, time) ->
                System.out.printf("e2e: %-21s ready in %5d ms%n", service.module(), time.toMillis()));
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
        DATABASES.values().forEach(POSTGRES::dropDatabase);
    }

    @Test
    void aTaskPastItsDeadlineRemindsOrdersAndRanksOnceAcrossTheFiveServices() {
        UUID late = unit("E2E-LATE", "A");
        UUID punctual = unit("E2E-ONTIME", "A");
        UUID person = UUID.randomUUID();
        LocalDate today = LocalDate.parse(api(Service.TASK).get("/api/v1/clock").then().extract().path("today"));
        LocalDate deadline = today.plusDays(2);
        String task = api(Service.TASK).contentType(ContentType.JSON)
                .body(Map.of("code", "KM-2026-0123", "title", "深化行政审批制度改革", "leadUnitId", late.toString(),
                        "responsiblePersonId", person.toString(), "deadline", deadline.toString()))
                .post("/api/v1/tasks")
                .then().statusCode(201).body("timeliness", equalTo("DUE_SOON")).extract().path("id");
        awaitRank(late, 1);
        awaitRank(punctual, 1);

        try (EventProbe probe = EventProbe.onBroker(platform.bootstrapServers(), Topics.TASKS, Topics.ASSESSMENT)) {
            moveEveryClock(deadline.plusDays(1).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
            long moved = System.nanoTime();

            long reminded = awaitMillis(moved, () -> inbox(person, "TASK_OVERDUE") == 1);
            long ordered = awaitMillis(moved, () -> orders(task).size() == 1);
            // the rank moves on the overdue task; the score settles once the order's deduction has landed too
            long ranked = awaitMillis(moved, () -> Integer.valueOf(2).equals(rank(late)));
            awaitMillis(moved, () -> Float.valueOf(97.5f).equals(score(late)));
            System.out.printf("e2e: deadline sweep -> reminder %d ms, order %d ms, rank %d ms (last effect %d ms)%n",
                    reminded, ordered, ranked, Math.max(reminded, Math.max(ordered, ranked)));

            api(Service.TASK).get("/api/v1/tasks/{id}", task).then().body("timeliness", equalTo("OVERDUE"));
            assertThat(orders(task)).singleElement().satisfies(order -> {
                assertThat(order.get("rung")).isEqualTo("REMINDER_NOTICE");
                assertThat(order.get("targetUnitId")).isEqualTo(late.toString());
            });
            api(Service.ASSESSMENT).get("/api/v1/rankings/units/{id}", late)
                    .then().body("score", equalTo(97.5f))
                    .body("points.indicator", hasItem("OVERDUE_TASKS"))
                    .body("points.indicator", hasItem("SUPERVISION_ORDERS"));
            api(Service.ASSESSMENT).get("/api/v1/rankings/units/{id}", punctual).then().body("rank", equalTo(1));

            EventProbe.Recorded overdue = await().atMost(Duration.ofSeconds(10)).until(
                    () -> probe.ofType("reform.task.overdue.v1", task), list -> list.size() == 1).get(0);
            int rankUpdates = probe.matching(r -> "reform.assessment.ranking-updated.v1".equals(r.type())).size();

            try (EventSender sender = EventSender.on(platform.bootstrapServers())) {
                sender.sendRaw(overdue.topic(), overdue.key(), overdue.data(), overdue.headers());
            }
            api(Service.TASK).post("/api/v1/deadline-sweeps").then().statusCode(200).body("overdue", equalTo(0));
            ConsumerLag.awaitCaughtUp(platform.bootstrapServers(), Duration.ofSeconds(30),
                    "notification-service", "inspection-service", "assessment-service");

            assertThat(inbox(person, "TASK_OVERDUE")).isEqualTo(1);
            assertThat(orders(task)).hasSize(1);
            api(Service.ASSESSMENT).get("/api/v1/rankings/units/{id}", late)
                    .then().body("score", equalTo(97.5f)).body("rank", equalTo(2));
            assertThat(probe.ofType("reform.task.overdue.v1", task)).hasSize(2);
            assertThat(probe.matching(r -> "reform.assessment.ranking-updated.v1".equals(r.type()))).hasSize(rankUpdates);
        }
    }

    @Test
    void anExtensionApprovedBeforeTheDeadlineMeansNoOverdueNoOrderAndNoDeductionWhenTheOldDatePasses() {
        UUID unit = unit("E2E-EXTENDED", "B");
        UUID person = UUID.randomUUID();
        LocalDate today = LocalDate.parse(api(Service.TASK).get("/api/v1/clock").then().extract().path("today"));
        LocalDate deadline = today.plusDays(2);
        String task = api(Service.TASK).contentType(ContentType.JSON)
                .body(Map.of("title", "健全生态保护补偿机制", "leadUnitId", unit.toString(),
                        "responsiblePersonId", person.toString(), "deadline", deadline.toString()))
                .post("/api/v1/tasks").then().statusCode(201).extract().path("id");
        awaitRank(unit, 1);

        String request = given().baseUri(platform.service(Service.TASK).baseUrl())
                .auth().oauth2(TOKENS.token("officer-extended", unit, List.of("unit-officer")))
                .contentType(ContentType.JSON)
                .body(Map.of("requestedDeadline", deadline.plusDays(30).toString(), "reason", "需待省级配套文件出台"))
                .post("/api/v1/tasks/{id}/extension-requests", task)
                .then().statusCode(201).body("state", equalTo("PENDING")).extract().path("id");
        api(Service.TASK).contentType(ContentType.JSON).body(Map.of("decision", "APPROVED", "comment", "同意延期"))
                .post("/api/v1/extension-requests/{id}/decision", request)
                .then().statusCode(200).body("taskDeadline", equalTo(deadline.plusDays(30).toString()));

        try (EventProbe probe = EventProbe.onBroker(platform.bootstrapServers(), Topics.TASKS)) {
            moveEveryClock(deadline.plusDays(1).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
            api(Service.TASK).post("/api/v1/deadline-sweeps").then().statusCode(200);
            // the requester's login is no person's, so the decision reached the task's responsible person
            await().atMost(Duration.ofSeconds(30)).until(() -> inbox(person, "EXTENSION_DECIDED") == 1);
            ConsumerLag.awaitCaughtUp(platform.bootstrapServers(), Duration.ofSeconds(30),
                    "notification-service", "inspection-service", "assessment-service");

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> probe.ofType("reform.task.overdue.v1", task).isEmpty());
            api(Service.TASK).get("/api/v1/tasks/{id}", task).then().body("timeliness", equalTo("ON_TRACK"));
            assertThat(inbox(person, "TASK_OVERDUE")).isZero();
            assertThat(orders(task)).isEmpty();
            api(Service.ASSESSMENT).get("/api/v1/rankings/units/{id}", unit)
                    .then().body("score", equalTo(100.0f)).body("points", hasSize(0));
        }
    }

    @Test
    void aReassignedTasksNextReminderGoesToTheNewResponsiblePerson() {
        UUID from = unit("E2E-HANDED-OVER", "C");
        UUID to = unit("E2E-TAKES-OVER", "C");
        UUID before = person(from, "罗斌");
        UUID after = person(to, "林涛");
        LocalDate today = LocalDate.parse(api(Service.TASK).get("/api/v1/clock").then().extract().path("today"));
        LocalDate deadline = today.plusDays(10);
        String task = api(Service.TASK).contentType(ContentType.JSON)
                .body(Map.of("title", "推进城市管理执法体制改革", "leadUnitId", from.toString(),
                        "responsiblePersonId", before.toString(), "deadline", deadline.toString()))
                .post("/api/v1/tasks").then().statusCode(201).extract().path("id");

        api(Service.TASK).contentType(ContentType.JSON)
                .body(Map.of("leadUnitId", to.toString(), "responsiblePersonId", after.toString(),
                        "reason", "机构改革后职能划转"))
                .post("/api/v1/tasks/{id}/reassignments", task)
                .then().statusCode(200).body("responsiblePersonId", equalTo(after.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(after, "TASK_REASSIGNED") == 1);

        moveEveryClock(deadline.minusDays(2).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        api(Service.TASK).post("/api/v1/deadline-sweeps").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(after, "TASK_DUE_SOON") == 1);
        ConsumerLag.awaitCaughtUp(platform.bootstrapServers(), Duration.ofSeconds(30), "notification-service");
        assertThat(inbox(before, "TASK_DUE_SOON")).isZero();
        assertThat(inbox(before, "TASK_REASSIGNED")).isZero();
    }

    @Test
    void everyServiceIsReadyDocumentedMeasuredAndClosedWithoutAToken() {
        for (Service service : Service.values()) {
            ServiceProcess process = platform.service(service);
            given().baseUri(process.baseUrl()).get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));
            given().baseUri(process.baseUrl()).get("/q/health/live").then().statusCode(200);
            given().baseUri(process.baseUrl()).get("/q/openapi").then().statusCode(200);
            given().baseUri(process.baseUrl()).get("/q/metrics").then().statusCode(200);
            given().baseUri(process.baseUrl()).get("/api/v1/clock").then().statusCode(401)
                    .contentType("application/problem+json");
            System.out.printf("e2e: %-21s resident memory %4d MiB%n", service.module(), process.residentMemoryMiB());
        }
    }

    /**
     * Moves every service's clock, task-service's last so its sweep finds the others there: an event counts in the
     * month of its producer's clock, and near a month's end a deadline two days ahead falls in the next month — with
     * task-service's clock alone moved, the overdue deduction counted in that month and the order's in this one.
     */
    private static void moveEveryClock(Instant now) {
        List<Service> taskServiceLast = new ArrayList<>(List.of(Service.values()));
        taskServiceLast.remove(Service.TASK);
        taskServiceLast.add(Service.TASK);
        for (Service service : taskServiceLast) {
            api(service).contentType(ContentType.JSON).body(Map.of("now", now.toString()))
                    .put("/api/v1/clock").then().statusCode(200);
        }
    }

    private static UUID unit(String code, String category) {
        return UUID.fromString(api(Service.TASK).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", code, "category", category, "kind", "DEPARTMENT"))
                .post("/api/v1/units").then().statusCode(201).extract().path("id"));
    }

    /** A person of the directory, in a unit. */
    private static UUID person(UUID unit, String name) {
        return UUID.fromString(api(Service.TASK).contentType(ContentType.JSON)
                .body(Map.of("name", name, "unitId", unit.toString(), "post", "HEAD"))
                .post("/api/v1/people").then().statusCode(201).extract().path("id"));
    }

    /**
     * How many reminders of a kind are in the person's inbox (a kind, because a task due in two days is also reminded
     * of as due soon).
     */
    private static int inbox(UUID person, String kind) {
        return api(Service.NOTIFICATION).queryParam("recipient", person).queryParam("kind", kind)
                .queryParam("channel", "INBOX").get("/api/v1/notifications")
                .then().statusCode(200).extract().path("total");
    }

    private static List<Map<String, Object>> orders(String task) {
        return api(Service.INSPECTION).queryParam("subject", task).get("/api/v1/orders")
                .then().statusCode(200).extract().path("items");
    }

    private static Integer rank(UUID unit) {
        var response = api(Service.ASSESSMENT).get("/api/v1/rankings/units/{id}", unit);
        return response.statusCode() == 200 ? response.path("rank") : null;
    }

    private static Float score(UUID unit) {
        var response = api(Service.ASSESSMENT).get("/api/v1/rankings/units/{id}", unit);
        return response.statusCode() == 200 ? response.path("score") : null;
    }

    private static void awaitRank(UUID unit, int rank) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(rank).equals(rank(unit)));
    }

    /** Polls until the condition holds; returns milliseconds since {@code since} (a System.nanoTime()). */
    private static long awaitMillis(long since, java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(condition);
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** A request to a service, after checking none has died (a dead one is named with its exit code and log). */
    private static RequestSpecification api(Service service) {
        platform.assertRunning();
        return given().baseUri(platform.service(service).baseUrl())
                .auth().oauth2(TOKENS.token("office", null, List.of("reform-office")));
    }
}
