package org.reformdesk.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.reformdesk.platform.problem.ProblemException;

import java.util.Optional;
import java.util.UUID;

/** Who is calling: their name for the audit trail, their roles and the unit their token scopes them to. */
@RequestScoped
public class Caller {

    /** The token claim that names a unit officer's unit. */
    public static final String UNIT_CLAIM = "unit";
    /** The token claim that names the caller's person record in the directory. */
    public static final String PERSON_CLAIM = "person";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

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

    /** The caller's own person id, whose reminders they may read. */
    public Optional<UUID> person() {
        return uuidClaim(PERSON_CLAIM);
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
     * report for a unit). A partner client writes for any unit, but only what {@link PartnerGate} let through.
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
}
