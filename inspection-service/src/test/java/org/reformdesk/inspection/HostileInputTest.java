package org.reformdesk.inspection;

import io.quarkus.test.junit.QuarkusTest;
import org.reformdesk.testing.HostileInputContract;

@QuarkusTest
class HostileInputTest extends HostileInputContract {
}
