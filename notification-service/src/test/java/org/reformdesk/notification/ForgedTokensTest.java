package org.reformdesk.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.reformdesk.testing.ForgedTokensContract;

import java.util.UUID;

@QuarkusTest
class ForgedTokensTest extends ForgedTokensContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/notifications?recipient=" + UUID.randomUUID();
    }
}
