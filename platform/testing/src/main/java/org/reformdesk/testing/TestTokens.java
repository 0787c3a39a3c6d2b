package org.reformdesk.testing;

import java.util.List;
import java.util.UUID;

/** Bearer tokens for tests, signed by one key per test JVM that {@link ServiceTestResources} makes the service trust. */
public final class TestTokens {

    private static final TokenMint MINT = TokenMint.generate();

    private TestTokens() {
    }

    public static TokenMint mint() {
        return MINT;
    }

    public static String reformOffice() {
        return MINT.token("office", null, List.of("reform-office"));
    }

    public static String unitOfficer(UUID unit) {
        return MINT.token("officer-" + unit.toString().substring(0, 8), unit, List.of("unit-officer"));
    }

    /** A unit officer who is also the person {@code person} of the directory. */
    public static String person(UUID person, UUID unit) {
        return MINT.personToken("person-" + person.toString().substring(0, 8), person, unit, List.of("unit-officer"));
    }

    /** A special group's liaison, bound to {@code group} (its {@code group} claim). */
    public static String groupLiaison(UUID group) {
        return MINT.groupLiaisonToken("liaison-" + group.toString().substring(0, 8), group);
    }

    /** A partner department's client with the given OAuth scopes (e.g. ledger:read) and no role. */
    public static String partner(String... scopes) {
        return MINT.partnerToken("partner-test", List.of(scopes));
    }

    public static String withRoles(String username, UUID unit, String... roles) {
        return MINT.token(username, unit, List.of(roles));
    }
}
