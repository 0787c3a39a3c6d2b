package org.reformdesk.console.web;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.reformdesk.console.api.TaskApi;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in person as the pages need them: their name, roles and unit from the tokens, their directory person.
 * It only decides which buttons and links to show; whether an action is allowed is the services' call.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    public static final String REFORM_OFFICE = "reform-office";
    public static final String GROUP_LIAISON = "group-liaison";
    public static final String UNIT_OFFICER = "unit-officer";
    public static final String LEADER = "leader";
    public static final String INSPECTOR = "inspector";
    public static final String ASSESSOR = "assessor";

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    CsrfTokens csrf;

    @Inject
    @RestClient
    TaskApi tasks;

    @Inject
    SignedInPeople people;

    private Optional<UUID> person;

    public String name() {
        String name = idToken.getClaim("name");
        return name != null && !name.isBlank() ? name : username();
    }

    public String username() {
        String username = idToken.getClaim("preferred_username");
        return username != null ? username : identity.getPrincipal().getName();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean isOffice() {
        return has(REFORM_OFFICE);
    }

    public boolean isUnitOfficer() {
        return has(UNIT_OFFICER);
    }

    public boolean isInspector() {
        return has(INSPECTOR);
    }

    public boolean isAssessor() {
        return has(ASSESSOR);
    }

    /** The role shown beside the name: the first the person holds, in DOMAIN.md's order. */
    public String role() {
        for (String role : new String[] {REFORM_OFFICE, GROUP_LIAISON, UNIT_OFFICER, LEADER, INSPECTOR, ASSESSOR}) {
            if (has(role)) {
                return role;
            }
        }
        return "";
    }

    /** A unit officer's unit (the token's {@code unit} claim); everyone else reads every unit. */
    public Optional<UUID> unit() {
        return claimId("unit");
    }

    /**
     * The directory person whose inbox this is: the token's {@code person} claim, else the person task-service finds
     * for the login (a person's {@code username}), asked once per sign-in ({@link SignedInPeople}).
     */
    public Optional<UUID> person() {
        if (person == null) {
            person = claimId("person").or(() -> people.of(signIn(), this::personOfLogin));
        }
        return person;
    }

    public boolean hasInbox() {
        return person().isPresent();
    }

    private Optional<UUID> personOfLogin() {
        try {
            return Optional.ofNullable(tasks.me().get("id")).map(id -> UUID.fromString(id.toString()));
        } catch (WebApplicationException nobody) {
            if (nobody.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw nobody;
        }
    }

    public String csrfToken() {
        return csrf.tokenFor(session());
    }

    /** What ties a CSRF token to this sign-in: Keycloak's session id, or the subject and sign-in time. */
    String session() {
        String sid = idToken.getClaim("sid");
        return sid != null ? sid : idToken.getSubject() + "@" + idToken.getIssuedAtTime();
    }

    /** This sign-in, as only its own ID token names it: the subject and its session. */
    private String signIn() {
        return idToken.getSubject() + " " + session();
    }

    private Optional<UUID> claimId(String claim) {
        Object value = idToken.getClaim(claim);
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toString().replace("\"", "")));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
