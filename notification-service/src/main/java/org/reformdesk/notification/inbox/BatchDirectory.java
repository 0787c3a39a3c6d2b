package org.reformdesk.notification.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reformdesk.notification.directory.Contact;
import org.reformdesk.notification.directory.Directory;
import org.reformdesk.notification.rules.Responsibilities;
import org.reformdesk.platform.inbox.OncePerBatch;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The directory as the reminder consumers read it: each answer once per batch, not once per reminder — the year-end
 * burst reminds the same few hundred people 10,000 times. Safe because these batches never change the directory
 * (its own consumer does, in batches of its own); outside a batch every question goes to the directory.
 */
@ApplicationScoped
class BatchDirectory implements Responsibilities {

    @Inject
    Directory directory;

    @Inject
    OncePerBatch oncePerBatch;

    Optional<Contact> contact(UUID personId) {
        return oncePerBatch.value("contact " + personId, () -> directory.contact(personId));
    }

    @Override
    public List<UUID> holdersOf(UUID unitId, String post) {
        return oncePerBatch.value("holders " + unitId + " " + post, () -> directory.holdersOf(unitId, post));
    }

    @Override
    public List<UUID> groupHeadsOf(UUID unitId) {
        return oncePerBatch.value("group heads " + unitId, () -> directory.groupHeadsOf(unitId));
    }

    @Override
    public List<UUID> groupLiaisonsOf(UUID unitId) {
        return oncePerBatch.value("group liaisons " + unitId, () -> directory.groupLiaisonsOf(unitId));
    }
}
