package org.reformdesk.task.deadline;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.reformdesk.platform.time.ReminderOffsets;

/**
 * The reminder offsets this feature is configured with, offered to the rest of the service: the ledger's DUE_SOON
 * light opens at the largest of them, and it needs no more of the deadline feature than that.
 */
@Singleton
class Reminders {

    @Produces
    @Singleton
    ReminderOffsets offsets(DeadlineConfig config) {
        return config.offsets();
    }
}
