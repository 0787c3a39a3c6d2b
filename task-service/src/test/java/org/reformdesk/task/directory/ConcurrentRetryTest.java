package org.reformdesk.task.directory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.reformdesk.testing.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A partner's client that retries (or races itself) with one Idempotency-Key creates one unit, never two. */
@QuarkusTest
class ConcurrentRetryTest {

    @Test
    void concurrentRequestsWithOneKeyCreateOneUnit() {
        String code = "KM-RACE-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> body = Map.of("code", code, "name", "并发重试局", "category", "B", "kind", "DEPARTMENT");
        String key = "race-" + code;

        List<CompletableFuture<Response>> racing = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> given().auth().oauth2(TestTokens.reformOffice())
                        .contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                        .post("/api/v1/units")))
                .toList();
        List<Response> responses = racing.stream().map(CompletableFuture::join).toList();

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isIn(200, 201));
        assertThat(responses.stream().map(response -> response.path("id").toString()).distinct()).hasSize(1);
        List<String> codes = given().auth().oauth2(TestTokens.reformOffice()).queryParam("size", 200)
                .get("/api/v1/units").then().statusCode(200).extract().path("items.code");
        assertThat(codes).containsOnlyOnce(code);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndCreatesNothing() {
        String code = "KM-KEY-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "reuse-" + code;
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("code", code, "name", "第一次", "category", "B", "kind", "DEPARTMENT"))
                .post("/api/v1/units").then().statusCode(201);

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("code", code + "-2", "name", "第二次", "category", "B", "kind", "DEPARTMENT"))
                .post("/api/v1/units")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Idempotency key reused"));

        List<String> codes = given().auth().oauth2(TestTokens.reformOffice()).queryParam("size", 200)
                .get("/api/v1/units").then().statusCode(200).extract().path("items.code");
        assertThat(codes).doesNotContain(code + "-2");
    }
}
