package org.reformdesk.platform.security;

import java.util.Optional;
import java.util.UUID;

/**
 * The directory person a login belongs to. Every user of the identity provider is a person of the directory: the
 * person record carries the login name, and a service that keeps the directory's people (task-service its own,
 * notification-service its copy) finds the person behind a token's {@code preferred_username} through this, so
 * nobody has to copy a person's id into the identity provider by hand.
 */
public interface PersonByLogin {

    /** The current (not removed) person whose login name is {@code username}, compared case-insensitively. */
    Optional<UUID> personOf(String username);
}
