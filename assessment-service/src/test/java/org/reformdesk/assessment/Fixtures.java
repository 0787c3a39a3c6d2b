package org.reformdesk.assessment;

import io.restassured.response.ValidatableResponse;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.events.UnitKind;
import org.reformdesk.testing.EventSender;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Units and facts for the service's tests, sent over the test broker as the other services would send them. */
public final class Fixtures implements AutoCloseable {

    private final EventSender sender = EventSender.onTestBroker();

    /** A new unit in the category, once the service ranks it. */
    public UUID unit(AssessmentCategory category, String name) {
        UUID id = UUID.randomUUID();
        sender.send(UnitChanged.of(id, name + "-" + id.toString().substring(0, 6), name, category,
                category == AssessmentCategory.C ? UnitKind.DISTRICT : UnitKind.DEPARTMENT));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> card(id, null).statusCode(200));
        return id;
    }

    public void send(ReformEvent event) {
        sender.send(UUID.randomUUID(), event);
    }

    public void send(ReformEvent event, OffsetDateTime at) {
        sender.send(UUID.randomUUID(), event, at);
    }

    /** A unit's score card for a month (null: this month), as the reform office reads it. */
    public static ValidatableResponse card(UUID unit, String month) {
        var request = given().auth().oauth2(TestTokens.reformOffice());
        if (month != null) {
            request.queryParam("month", month);
        }
        return request.get("/api/v1/rankings/units/{id}", unit).then();
    }

    /** Waits for the card to show what {@code expected} asserts. */
    public static void awaitCard(UUID unit, String month, java.util.function.Consumer<ValidatableResponse> expected) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> expected.accept(card(unit, month)));
    }

    @Override
    public void close() {
        sender.close();
    }
}
