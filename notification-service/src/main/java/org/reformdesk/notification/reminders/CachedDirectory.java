package org.reformdesk.notification.reminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reformdesk.notification.directory.Contact;
import org.reformdesk.notification.directory.Directory;
import org.reformdesk.notification.rules.Responsibilities;
import org.reformdesk.platform.inbox.OncePerBatch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The directory as the reminder consumers read it: each answer read once and kept until the directory changes. The
 * year-end burst reminds the same few hundred people 10,000 times, and at a trickle every event is a batch of its
 * own, where answers kept for one batch saved nothing. Whether the directory changed costs one read of its version
 * per batch: its consumer raises the version in the transaction that applies a change, in whichever replica. A batch
 * that read an older version than the kept answers (it began before a change committed) asks the directory itself.
 */
@ApplicationScoped
class CachedDirectory implements Responsibilities {

    /** Answers read at one version of the directory, by question. */
    private record Answers(long version, Map<String, Object> byQuestion) {
    }

    @Inject
    Directory directory;

    @Inject
    OncePerBatch oncePerBatch;

    private final AtomicReference<Answers> kept = new AtomicReference<>(new Answers(-1, new ConcurrentHashMap<>()));

    Optional<Contact> contact(UUID personId) {
        return answer("contact " + personId, () -> directory.contact(personId));
    }

    @Override
    public List<UUID> holdersOf(UUID unitId, String post) {
        return answer("holders " + unitId + " " + post, () -> directory.holdersOf(unitId, post));
    }

    @Override
    public List<UUID> groupHeadsOf(UUID unitId) {
        return answer("group heads " + unitId, () -> directory.groupHeadsOf(unitId));
    }

    @Override
    public List<UUID> groupLiaisonsOf(UUID unitId) {
        return answer("group liaisons " + unitId, () -> directory.groupLiaisonsOf(unitId));
    }

    @Override
    public List<UUID> reformOffice() {
        return answer("reform office", directory::reformOffice);
    }

    @SuppressWarnings("unchecked")
    private <T> T answer(String question, Supplier<T> read) {
        long version = oncePerBatch.value("directory version", directory::version);
        Answers answers = kept.updateAndGet(current -> current.version() < version
                ? new Answers(version, new ConcurrentHashMap<>())
                : current);
        if (answers.version() != version) {
            return read.get();
        }
        Object known = answers.byQuestion().get(question);
        if (known == null) {
            known = read.get();
            answers.byQuestion().putIfAbsent(question, known);
        }
        return (T) known;
    }
}
