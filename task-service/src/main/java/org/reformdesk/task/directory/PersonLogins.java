package org.reformdesk.task.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reformdesk.platform.security.PersonByLogin;

import java.util.Optional;
import java.util.UUID;

/** Finds the directory's person behind a login, for callers whose token names no person. */
@ApplicationScoped
class PersonLogins implements PersonByLogin {

    @Inject
    PersonService people;

    @Override
    public Optional<UUID> personOf(String username) {
        return people.loggedInAs(username).map(person -> person.id);
    }
}
