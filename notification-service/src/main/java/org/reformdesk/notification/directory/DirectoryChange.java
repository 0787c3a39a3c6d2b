package org.reformdesk.notification.directory;

import java.util.UUID;

/**
 * Fired inside the transaction that applied a directory change, so reminders waiting for a person go out
 * once the directory catches up, and reminders to someone who left are dropped.
 */
public sealed interface DirectoryChange {

    UUID personId();

    /** A person became known or their details changed. */
    record PersonKnown(UUID personId) implements DirectoryChange {
    }

    /** A person left the directory. */
    record PersonLeft(UUID personId) implements DirectoryChange {
    }
}
