package org.reformdesk.notification.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reformdesk.platform.security.PersonByLogin;

import java.util.Optional;
import java.util.UUID;

/** Opens the inbox of the person behind a login, for tokens that name no person, from the directory's copy. */
@ApplicationScoped
class PersonLogins implements PersonByLogin {

    @Inject
    Directory directory;

    @Override
    public Optional<UUID> personOf(String username) {
        return directory.personLoggedInAs(username);
    }
}
