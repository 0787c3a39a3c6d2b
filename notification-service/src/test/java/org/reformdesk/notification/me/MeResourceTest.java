package org.reformdesk.notification.me;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.testing.EventSender;
import org.reformdesk.testing.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class MeResourceTest {

    private static EventSender sender;

    @TestHTTPResource("/api/v1/me/notifications/stream")
    URI streamUri;

    @Inject
    InboxStream stream;

    @BeforeAll
    static void connect() {
        sender = EventSender.onTestBroker();
    }

    @AfterAll
    static void disconnect() {
        sender.close();
    }

    private static String tokenOf(UUID person) {
        return TestTokens.person(person, UUID.randomUUID());
    }

    private static void overdue(UUID person, String code) {
        sender.send(TaskOverdue.of(UUID.randomUUID(), code, "深化行政审批制度改革", UUID.randomUUID(), person,
                LocalDate.of(2026, 3, 31)));
    }

    private static long unread(String token) {
        return given().auth().oauth2(token).get("/api/v1/me/notifications/unread-count").then().statusCode(200)
                .extract().<Number>path("unread").longValue();
    }

    @Test
    void iSeeMyInboxCountTheUnreadAndMarkThemRead() {
        UUID me = UUID.randomUUID();
        String token = tokenOf(me);
        overdue(me, "KM-ME-1");
        overdue(me, "KM-ME-2");
        await().atMost(Duration.ofSeconds(20)).until(() -> unread(token) == 2);

        List<String> ids = given().auth().oauth2(token).get("/api/v1/me/notifications").then().statusCode(200)
                .body("total", equalTo(2)).body("items.channel", everyItem(equalTo("INBOX")))
                .extract().path("items.id");
        given().auth().oauth2(token).post("/api/v1/me/notifications/{id}/read", ids.get(0)).then().statusCode(200)
                .body("state", equalTo("READ")).body("readAt", notNullValue())
                .body("readBy", equalTo("person-" + me.toString().substring(0, 8)));
        given().auth().oauth2(token).post("/api/v1/me/notifications/{id}/read", ids.get(0)).then().statusCode(200)
                .body("state", equalTo("READ"));
        assertThat(unread(token)).isEqualTo(1);
        given().auth().oauth2(token).queryParam("unread", true).get("/api/v1/me/notifications").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(ids.get(1)));

        given().auth().oauth2(token).post("/api/v1/me/notifications/read").then().statusCode(200)
                .body("marked", equalTo(1));
        assertThat(unread(token)).isZero();
    }

    @Test
    void nobodyMarksSomeoneElsesReminderRead() {
        UUID owner = UUID.randomUUID();
        overdue(owner, "KM-ME-3");
        await().atMost(Duration.ofSeconds(20)).until(() -> unread(tokenOf(owner)) == 1);
        String id = given().auth().oauth2(tokenOf(owner)).get("/api/v1/me/notifications").then()
                .extract().path("items[0].id");

        given().auth().oauth2(tokenOf(UUID.randomUUID())).post("/api/v1/me/notifications/{id}/read", id)
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(unread(tokenOf(owner))).isEqualTo(1);
    }

    @Test
    void myPreferencesOfferOnlyTheChannelsThisCitySendsOn() {
        // this profile configures e-mail alone: the rules' SMS, push and messengers would only ever be SKIPPED
        given().auth().oauth2(tokenOf(UUID.randomUUID())).get("/api/v1/me/preferences").then().statusCode(200)
                .body("kinds.find { it.kind == 'TASK_OVERDUE' }.channels.channel", equalTo(List.of("INBOX", "EMAIL")))
                .body("kinds.find { it.kind == 'TASK_DUE_SOON' }.channels.channel", equalTo(List.of("INBOX")));
    }

    @Test
    void aTokenWithoutAPersonHasNoInbox() {
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/me/notifications")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void badInputIsRefused() {
        String token = tokenOf(UUID.randomUUID());
        given().auth().oauth2(token).queryParam("size", 0).get("/api/v1/me/notifications")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).post("/api/v1/me/notifications/{id}/read", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("token", "abc", "platform", "FAX"))
                .post("/api/v1/me/devices").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.containsString("platform"));
        given().auth().oauth2(token).delete("/api/v1/me/devices/{token}", "never-registered")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void iRegisterMyPhoneForPushAndRemoveIt() {
        UUID me = UUID.randomUUID();
        String token = tokenOf(me);
        String device = "fcm-" + UUID.randomUUID();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("token", device, "platform", "ANDROID"))
                .post("/api/v1/me/devices").then().statusCode(200).body("platform", equalTo("ANDROID"))
                .body("registeredBy", equalTo("person-" + me.toString().substring(0, 8)));
        given().auth().oauth2(token).delete("/api/v1/me/devices/{token}", device).then().statusCode(204);
    }

    @Test
    void theLiveStreamShowsAReminderAsSoonAsItIsInTheInbox() throws Exception {
        UUID me = UUID.randomUUID();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(HttpRequest.newBuilder(streamUri)
                .header("Authorization", "Bearer " + tokenOf(me)).header("Accept", "text/event-stream").GET()
                .build(), HttpResponse.BodyHandlers.ofLines());
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.listeners(me) == 1);

        overdue(me, "KM-LIVE-1");
        // how fast it arrives is the benchmark's figure (-Pbenchmark), not a test's: a loaded CI machine varies
        String event = response.get(10, TimeUnit.SECONDS).body().filter(line -> line.startsWith("data:"))
                .findFirst().orElseThrow();

        assertThat(event).contains("KM-LIVE-1").contains(me.toString()).contains("\"channel\":\"INBOX\"");
        response.cancel(true);
    }

    @Test
    void anIdleStreamGetsKeepAliveCommentsSoProxiesKeepItOpen() throws Exception {
        UUID me = UUID.randomUUID();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(streamUri)
                .header("Authorization", "Bearer " + tokenOf(me)).header("Accept", "text/event-stream").GET()
                .build(), HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        String comment = CompletableFuture.supplyAsync(() -> response.body().filter(line -> line.startsWith(":"))
                .findFirst().orElseThrow()).get(10, TimeUnit.SECONDS);
        assertThat(comment).isEqualTo(":keep-alive");
    }
}
