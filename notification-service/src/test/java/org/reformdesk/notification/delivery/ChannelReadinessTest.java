package org.reformdesk.notification.delivery;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Out of the box no channel but the inbox (and e-mail in tests) is configured: readiness says so, and stays UP. */
@QuarkusTest
class ChannelReadinessTest {

    @Test
    void eachUnconfiguredChannelIsAReadinessDetailNotADownService() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Reminder channels' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Reminder channels' }.data.INBOX", equalTo("ready"))
                .body("checks.find { it.name == 'Reminder channels' }.data.EMAIL", equalTo("ready"))
                .body("checks.find { it.name == 'Reminder channels' }.data.SMS", startsWith("SMS is not configured"))
                .body("checks.find { it.name == 'Reminder channels' }.data.WECOM", startsWith("WeCom is not configured"))
                .body("checks.find { it.name == 'Reminder channels' }.data.DINGTALK",
                        startsWith("DingTalk is not configured"))
                .body("checks.find { it.name == 'Reminder channels' }.data.WEB_PUSH",
                        startsWith("Web Push is not configured"))
                .body("checks.find { it.name == 'Reminder channels' }.data.PUSH",
                        startsWith("Push (FCM) is not configured"));
    }
}
