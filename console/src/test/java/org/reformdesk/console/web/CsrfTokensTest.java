package org.reformdesk.console.web;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfTokensTest {

    @Test
    void aTokenMatchesOnlyTheSignInItWasMadeFor() {
        CsrfTokens tokens = new CsrfTokens(config(Optional.of("the same key on every replica")));
        String mine = tokens.tokenFor("session-a");

        assertThat(tokens.matches("session-a", mine)).isTrue();
        assertThat(tokens.matches("session-b", mine)).as("another person's session").isFalse();
        assertThat(tokens.matches("session-a", null)).as("no header").isFalse();
        assertThat(tokens.matches("session-a", mine.substring(1))).isFalse();
    }

    @Test
    void replicasWithTheSameKeyAcceptEachOthersTokensAndOthersDoNot() {
        CsrfTokens one = new CsrfTokens(config(Optional.of("k")));
        CsrfTokens two = new CsrfTokens(config(Optional.of("k")));
        CsrfTokens unkeyed = new CsrfTokens(config(Optional.empty()));

        assertThat(two.matches("s", one.tokenFor("s"))).isTrue();
        assertThat(unkeyed.matches("s", one.tokenFor("s"))).as("a process with a key of its own").isFalse();
    }

    private static ConsoleConfig config(Optional<String> key) {
        return new ConsoleConfig() {
            @Override
            public Optional<String> csrfKey() {
                return key;
            }

            @Override
            public int pageSize() {
                return 20;
            }

            @Override
            public java.util.List<String> policyAreas() {
                return java.util.List.of();
            }
        };
    }
}
