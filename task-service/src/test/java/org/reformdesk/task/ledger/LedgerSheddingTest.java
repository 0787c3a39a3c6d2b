package org.reformdesk.task.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.testing.OpenApiDocument;
import org.reformdesk.testing.TestTokens;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Beyond reform.shedding.max-concurrent ledger reads at once, a further read is answered 503 with Retry-After within
 * reform.shedding.max-wait instead of queueing; writes are never shed. The reads are held where a real overload holds
 * them, in the database: the test locks the task table, so every read that got a place waits there with it.
 */
@QuarkusTest
class LedgerSheddingTest {

    /** A read that queued would wait for the lock the test holds: fail it, rather than wait with it. */
    private static final RestAssuredConfig GIVING_UP = RestAssured.config().httpClient(
            HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 10_000));

    @Inject
    AgroalDataSource database;

    @Inject
    MeterRegistry meters;

    @Inject
    ServiceClock clock;

    @ConfigProperty(name = "reform.shedding.max-concurrent")
    int places;

    @Test
    void aLedgerReadBeyondTheLimitIsRefusedAtOnceWithRetryAfterWhileAWriteWaitsItsTurn() throws SQLException {
        UUID unit = LedgerFixtures.unit("C", "DISTRICT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(30));
        String office = TestTokens.reformOffice();
        double shedBefore = meters.counter("reform.shedding.shed").count();
        List<CompletableFuture<Integer>> holders;
        CompletableFuture<Integer> write;

        // a thread per client: each waits for its answer, and the common pool has one thread on two cores
        ExecutorService clients = Executors.newFixedThreadPool(places + 1);
        try (Connection lock = database.getConnection()) {
            lock.setAutoCommit(false);
            try {
                try (Statement statement = lock.createStatement()) {
                    statement.execute("LOCK TABLE task IN ACCESS EXCLUSIVE MODE");
                }
                holders = IntStream.range(0, places).mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> given().auth().oauth2(office).get("/api/v1/tasks/{id}", task).statusCode(), clients))
                        .toList();
                await().atMost(Duration.ofSeconds(30)).alias("every place taken by a read waiting for the table")
                        .until(() -> running() == places && waitingForTheTaskTable(lock) >= places);
                write = CompletableFuture.supplyAsync(() -> given().auth().oauth2(office)
                        .contentType("application/json").body(Map.of("action", "REQUEST_CLOSE"))
                        .post("/api/v1/tasks/{id}/transitions", task).statusCode(), clients);
                await().atMost(Duration.ofSeconds(30))
                        .alias("the write went in past the full limit and waits for the table")
                        .until(() -> waitingForTheTaskTable(lock) > places);
                for (String read : List.of("/api/v1/tasks?size=5", "/api/v1/tasks/" + task,
                        "/api/v1/tasks/summary", "/api/v1/tasks/lights")) {
                    long asked = System.nanoTime();
                    Response refused = given().config(GIVING_UP).auth().oauth2(office).get(read);
                    Duration took = Duration.ofNanos(System.nanoTime() - asked);

                    assertThat(refused.statusCode()).as(read).isEqualTo(503);
                    assertThat(refused.contentType()).as(read).isEqualTo("application/problem+json");
                    assertThat(refused.header("Retry-After")).as(read).isEqualTo("1");
                    assertThat(refused.<String>path("title")).isEqualTo("Service Unavailable");
                    assertThat(refused.<Integer>path("status")).isEqualTo(503);
                    assertThat(refused.<String>path("instance")).isEqualTo(read.replaceFirst("\\?.*", ""));
                    assertThat(took).as(read + " answered while every place waits for the table").isLessThan(
                            Duration.ofSeconds(2));
                }
            } finally {
                lock.rollback();
            }
        } finally {
            clients.shutdown();
        }

        assertThat(holders).allSatisfy(held -> assertThat(held.join()).isEqualTo(200));
        assertThat(write.join()).as("the write is never shed").isEqualTo(200);
        assertThat(meters.counter("reform.shedding.shed").count() - shedBefore).isEqualTo(4);
        await().atMost(Duration.ofSeconds(10)).alias("every place was given back").until(() -> running() == 0);
        given().auth().oauth2(office).get("/api/v1/tasks/{id}", task).then().statusCode(200);
    }

    @Test
    void theOpenApiDocumentNamesTheRefusalOnTheLedgerReadsOnly() {
        JsonNode paths = OpenApiDocument.fetch().path("paths");

        for (String path : List.of("/api/v1/tasks", "/api/v1/tasks/{id}", "/api/v1/tasks/summary",
                "/api/v1/tasks/lights")) {
            assertThat(paths.path(path).path("get").path("responses").path("503").path("$ref").asText())
                    .as(path).isEqualTo("#/components/responses/ServiceUnavailable");
        }
        assertThat(paths.path("/api/v1/tasks").path("post").path("responses").has("503")).isFalse();
        assertThat(paths.path("/api/v1/tasks/{id}/history").path("get").path("responses").has("503")).isFalse();
    }

    /** Sheddable requests holding a place now. */
    private int running() {
        return (int) meters.get("reform.shedding.running").gauge().value();
    }

    /** Requests of the service waiting for a lock on the task table, as PostgreSQL sees them. */
    private static int waitingForTheTaskTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet waiting = statement.executeQuery(
                "SELECT count(*) FROM pg_locks WHERE relation = 'task'::regclass AND NOT granted")) {
            waiting.next();
            return waiting.getInt(1);
        }
    }
}
