package org.reformdesk.notification.me;

import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;

import java.util.UUID;

/** The caller as a person of the directory: everything under /api/v1/me is theirs alone. */
final class Me {

    private Me() {
    }

    static UUID of(Caller caller) {
        return caller.person().orElseThrow(() ->
                ProblemException.forbidden("Your token names no person of the directory (claim 'person')."));
    }
}
