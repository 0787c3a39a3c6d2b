package org.reformdesk.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.reformdesk.testing.AccessMatrixContract;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static java.util.Map.entry;

/**
 * Who may write what in the notification service: every person (whatever their role) manages only their own inbox
 * devices, browsers and preferences, scoped by the token's person claim rather than a unit (MeResourceTest covers one person's reminders
 * against another's); partner clients nothing.
 */
@QuarkusTest
class AccessMatrixTest extends AccessMatrixContract {

    private static final Set<String> PEOPLE = Set.of(REFORM_OFFICE, GROUP_LIAISON, UNIT_OFFICER, LEADER, INSPECTOR,
            ASSESSOR);

    @Override
    protected Map<String, Set<String>> allowed() {
        return Map.ofEntries(
                entry("POST /api/v1/me/notifications/{id}/read", PEOPLE),
                entry("POST /api/v1/me/notifications/read", PEOPLE),
                entry("POST /api/v1/me/devices", PEOPLE),
                entry("DELETE /api/v1/me/devices/{token}", PEOPLE),
                entry("POST /api/v1/me/push-subscriptions", PEOPLE),
                entry("DELETE /api/v1/me/push-subscriptions", PEOPLE),
                entry("PUT /api/v1/me/preferences", PEOPLE));
    }

    @Override
    protected List<Call> unitWrites(UUID unit) {
        return List.of();
    }

    @Override
    protected List<Read> unitReads(UUID unit) {
        return List.of();
    }
}
