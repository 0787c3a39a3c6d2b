package org.reformdesk.notification.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.reformdesk.events.GroupChanged;
import org.reformdesk.events.PersonChanged;
import org.reformdesk.events.PersonRemoved;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.events.UnitKind;
import org.reformdesk.notification.rules.Responsibilities;
import org.reformdesk.platform.inbox.OncePerBatch;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The local copy of the directory: applies reform.directory.v1 records (each is the full current state of a
 * unit, person or group, so applying one twice or late changes nothing) and answers who holds which post.
 */
@ApplicationScoped
public class Directory implements Responsibilities {

    /** The language of reminders to someone the directory does not know yet, or who named none. */
    public static final String DEFAULT_LANGUAGE = "zh-CN";

    @Inject
    Event<DirectoryChange> changes;

    @Inject
    EntityManager entityManager;

    @Inject
    OncePerBatch oncePerBatch;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UnitChanged changed) {
        changed();
        KnownUnit unit = KnownUnit.<KnownUnit>findByIdOptional(changed.unitId()).orElseGet(KnownUnit::new);
        unit.id = changed.unitId();
        unit.code = changed.code();
        unit.name = changed.name();
        unit.kind = changed.kind() == null ? null : changed.kind().name();
        unit.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(PersonChanged changed) {
        changed();
        KnownPerson person = KnownPerson.<KnownPerson>findByIdOptional(changed.personId()).orElseGet(KnownPerson::new);
        person.id = changed.personId();
        person.name = changed.name();
        person.unitId = changed.unitId();
        person.post = changed.post();
        person.phone = blankToNull(changed.phone());
        person.email = blankToNull(changed.email());
        person.wecomUserId = blankToNull(changed.wecomUserId());
        person.dingtalkUserId = blankToNull(changed.dingtalkUserId());
        person.language = changed.language() == null || changed.language().isBlank() ? DEFAULT_LANGUAGE
                : changed.language();
        person.username = changed.username() == null ? null : changed.username().toLowerCase(Locale.ROOT);
        person.persist();
        changes.fire(new DirectoryChange.PersonKnown(changed.personId()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(PersonRemoved removed) {
        changed();
        KnownPerson.deleteById(removed.personId());
        changes.fire(new DirectoryChange.PersonLeft(removed.personId()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(GroupChanged changed) {
        changed();
        KnownGroup group = KnownGroup.<KnownGroup>findByIdOptional(changed.groupId()).orElseGet(KnownGroup::new);
        group.id = changed.groupId();
        group.name = changed.name();
        group.headPersonId = changed.headPersonId();
        group.liaisonUnitId = changed.liaisonUnitId();
        group.memberUnitIds = new HashSet<>(changed.memberUnitIds() == null ? List.of() : changed.memberUnitIds());
        group.persist();
    }

    /** Raised once per change (once per batch of changes): answers kept from before it are read again. */
    public long version() {
        return ((Number) entityManager.createNativeQuery("SELECT version FROM directory_version").getSingleResult())
                .longValue();
    }

    private void changed() {
        oncePerBatch.run("directory version", () -> entityManager
                .createNativeQuery("UPDATE directory_version SET version = version + 1").executeUpdate());
    }

    public Optional<Contact> contact(UUID personId) {
        return KnownPerson.<KnownPerson>findByIdOptional(personId)
                .map(p -> new Contact(p.id, p.name, p.phone, p.email, p.language, p.wecomUserId, p.dingtalkUserId));
    }

    public String languageOf(UUID personId) {
        return contact(personId).map(Contact::language).orElse(DEFAULT_LANGUAGE);
    }

    public Optional<String> unitName(UUID unitId) {
        return unitId == null ? Optional.empty() : KnownUnit.<KnownUnit>findByIdOptional(unitId).map(u -> u.name);
    }

    @Override
    public List<UUID> holdersOf(UUID unitId, String post) {
        if (unitId == null) {
            return List.of();
        }
        return KnownPerson.<KnownPerson>list("unitId = ?1 and post = ?2 order by name, id", unitId, post).stream()
                .map(p -> p.id).toList();
    }

    @Override
    public List<UUID> groupHeadsOf(UUID unitId) {
        return groupsOf(unitId).stream().map(g -> g.headPersonId).filter(id -> id != null).distinct().toList();
    }

    @Override
    public List<UUID> groupLiaisonsOf(UUID unitId) {
        return groupsOf(unitId).stream().map(g -> g.liaisonUnitId).filter(id -> id != null).distinct()
                .flatMap(liaisonUnit -> holdersOf(liaisonUnit, LIAISON).stream()).distinct().toList();
    }

    @Override
    public List<UUID> reformOffice() {
        return KnownPerson.<KnownPerson>list("""
                        post in ?1 and unitId in (select u.id from KnownUnit u where u.kind = ?2)
                        order by post, name, id""", List.of(HEAD, LIAISON), UnitKind.REFORM_OFFICE.name())
                .stream().map(p -> p.id).toList();
    }

    /** The person whose login name is {@code username}, if the directory has told us of one. */
    public Optional<UUID> personLoggedInAs(String username) {
        return KnownPerson.<KnownPerson>find("lower(username) = ?1", username.toLowerCase(Locale.ROOT))
                .firstResultOptional().map(p -> p.id);
    }

    private List<KnownGroup> groupsOf(UUID unitId) {
        if (unitId == null) {
            return List.of();
        }
        return KnownGroup.list("?1 member of memberUnitIds order by name, id", unitId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
