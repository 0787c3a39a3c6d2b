package org.reformdesk.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.reformdesk.platform.problem.ProblemException;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling: their name for the audit trail, their roles, the unit their token scopes them to, the special
 * group a group liaison's token binds them to, and the person of the directory they are.
 */
@RequestScoped
public class Caller {

    /** The token claim that names a unit officer's unit. */
    public static final String UNIT_CLAIM = "unit";
    /**
     * The token claim that names the caller's person record in the directory. Optional: without it, the person is
     * the one whose login name is the token's {@code preferred_username} (see {@link PersonByLogin}).
     */
    public static final String PERSON_CLAIM = "person";
    /** The token claim that binds a group liaison (专项小组联络员) to their special group. */
    public static final String GROUP_CLAIM = "group";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    Instance<PersonByLogin> logins;

    /** The person found by login name, looked up once per request. */
    private Optional<UUID> personByLogin;

    /**
     * The OAuth scope that lets a partner department's client (no role, no unit) read this service's collections,
     * e.g. ledger:read in task-service; a service without one admits no partner reads.
     */
    @ConfigProperty(name = "reform.security.partner-read-scope")
    Optional<String> partnerReadScope;

    /** The acting subject, as recorded in histories: the user name where the token has one. */
    public String name() {
        String username = token.getClaim("preferred_username");
        return username != null ? username : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<UUID> unit() {
        return uuidClaim(UNIT_CLAIM);
    }

    /**
     * The caller's own person id, whose reminders they may read and whose tasks are theirs: the token's
     * {@code person} claim where it has one, else the person whose login name the token carries, in a service that
     * keeps the directory's people; empty for a login that is nobody's in the directory.
     */
    public Optional<UUID> person() {
        Optional<UUID> claimed = uuidClaim(PERSON_CLAIM);
        if (claimed.isPresent()) {
            return claimed;
        }
        if (personByLogin == null) {
            String username = token.getClaim("preferred_username");
            personByLogin = username != null && logins.isResolvable() ? logins.get().personOf(username)
                    : Optional.empty();
        }
        return personByLogin;
    }

    /** The special group a group liaison's token binds them to. */
    public Optional<UUID> group() {
        return uuidClaim(GROUP_CLAIM);
    }

    private Optional<UUID> uuidClaim(String name) {
        Object claim = token.getClaim(name);
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Roles (and partners with this service's read scope) that read every unit's items; a unit officer reads only
     * their own unit's.
     */
    public boolean readsAllUnits() {
        return hasRole(Roles.REFORM_OFFICE) || hasRole(Roles.LEADER) || hasRole(Roles.INSPECTOR)
                || hasRole(Roles.ASSESSOR) || hasRole(Roles.GROUP_LIAISON) || isReadingPartner();
    }

    /** A partner department's client: a token with no role, which only gets past {@link PartnerGate} by its scopes. */
    public boolean isPartner() {
        return !identity.isAnonymous() && identity.getRoles().isEmpty();
    }

    /** A partner client granted this service's read scope. */
    public boolean isReadingPartner() {
        return PartnerGate.carries(token, partnerReadScope);
    }

    /** Refuses, with 403, a read of another unit's single item. */
    public void requireRead(UUID unitId) {
        if (!readsAllUnits() && !ownUnit().equals(unitId)) {
            throw ProblemException.forbidden("Your role and unit do not cover unit " + unitId + ".");
        }
    }

    /**
     * The unit a collection must be limited to: the requested one (or none) for those who read all units, the
     * caller's own unit otherwise; asking for another unit's items is refused with 403, not silently filtered.
     */
    public Optional<UUID> readScope(UUID requestedUnit) {
        if (readsAllUnits()) {
            return Optional.ofNullable(requestedUnit);
        }
        UUID own = ownUnit();
        if (requestedUnit != null && !requestedUnit.equals(own)) {
            throw ProblemException.forbidden("Your role and unit do not cover unit " + requestedUnit + ".");
        }
        return Optional.of(own);
    }

    /**
     * The reform office acts on everything; a unit officer only on their own unit's items; no other role acts on a
     * unit's items, whatever unit its token names (DOMAIN.md: leaders, inspectors, assessors and liaisons do not
     * report for a unit; a group liaison acts on their group's items, see {@link #mayActFor(UUID, UUID)}). A partner
     * client writes for any unit, but only what {@link PartnerGate} let through.
     */
    public boolean mayActFor(UUID unitId) {
        if (hasRole(Roles.REFORM_OFFICE) || isPartner()) {
            return true;
        }
        return hasRole(Roles.UNIT_OFFICER) && ownUnit().equals(unitId);
    }

    /**
     * The unit the caller's token scopes them to. A unit officer's token without one is broken, not merely
     * short of rights (401); any other caller without a unit simply has no unit's items (403).
     */
    private UUID ownUnit() {
        return unit().orElseThrow(() -> hasRole(Roles.UNIT_OFFICER)
                ? ProblemException.unauthorized("A unit officer's token must name their unit (claim \"unit\").")
                : ProblemException.forbidden("Your role does not cover any unit's items."));
    }

    /** Refuses, with 403, an act on another unit's item. */
    public void requireActFor(UUID unitId) {
        if (!mayActFor(unitId)) {
            throw ProblemException.forbidden("Your role and unit do not cover unit " + unitId + ".");
        }
    }

    /**
     * As {@link #mayActFor(UUID)} for an item of {@code unitId} that the special group {@code groupId} coordinates
     * (null: none), where the group's liaison (专项小组联络员) may act too: a group-liaison token acts on the items of
     * the group its {@code group} claim names, and on no other group's.
     */
    public boolean mayActFor(UUID unitId, UUID groupId) {
        if (hasRole(Roles.GROUP_LIAISON) && groupId != null && group().filter(groupId::equals).isPresent()) {
            return true;
        }
        return mayActFor(unitId);
    }

    /** Refuses, with 403, an act on an item of another unit and another special group. */
    public void requireActFor(UUID unitId, UUID groupId) {
        if (!mayActFor(unitId, groupId)) {
            throw ProblemException.forbidden(hasRole(Roles.GROUP_LIAISON) && !hasRole(Roles.UNIT_OFFICER)
                    ? (group().isEmpty() ? "Your token binds you to no special group (claim \"group\")."
                    : "Your special group does not coordinate this item (its group: " + groupId + ").")
                    : "Your role and unit do not cover unit " + unitId + ".");
        }
    }
}
