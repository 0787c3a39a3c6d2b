package org.reformdesk.platform.input;

import org.junit.jupiter.api.Test;

import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterCheckTest {

    private enum Status { OPEN, CLOSED }

    @Test
    void valuesOfTheirTypePass() {
        assertThat(ParameterCheck.problem(UUID.class, "3f2b8c1e-0a4d-4b7e-9c61-2d5e8f7a9b10")).isEmpty();
        assertThat(ParameterCheck.problem(Status.class, "OPEN")).isEmpty();
        assertThat(ParameterCheck.problem(int.class, "-2147483648")).isEmpty();
        assertThat(ParameterCheck.problem(Boolean.class, "true")).isEmpty();
        assertThat(ParameterCheck.problem(LocalDate.class, "2026-12-31")).isEmpty();
        assertThat(ParameterCheck.problem(String.class, "放管服")).isEmpty();
    }

    @Test
    void valuesTheirTypeCannotHoldAreNamedForWhatTheyShouldBe() {
        assertThat(ParameterCheck.problem(UUID.class, "1-1-1-1-1")).get().asString().startsWith("must be a UUID");
        assertThat(ParameterCheck.problem(Status.class, "NO_SUCH")).contains("must be one of OPEN, CLOSED");
        assertThat(ParameterCheck.problem(Integer.class, "2147483648")).get().asString()
                .startsWith("must be a whole number between -2147483648 and 2147483647");
        assertThat(ParameterCheck.problem(int.class, "1e400")).isPresent();
        assertThat(ParameterCheck.problem(Boolean.class, "maybe")).contains("must be true or false");
        assertThat(ParameterCheck.problem(LocalDate.class, "2026-13-45")).isPresent();
        assertThat(ParameterCheck.problem(LocalDate.class, "+999999999-12-31")).isPresent();
        assertThat(ParameterCheck.problem(String.class, "a\u0000")).isPresent();
    }

    @Test
    void anEmptyValueIsLeftToTheParameterDefault() {
        assertThat(ParameterCheck.problem(UUID.class, "")).isEmpty();
    }

    @Test
    void percentDecodingIsStrictUtf8() throws CharacterCodingException {
        assertThat(ParameterCheck.decoded("%E6%94%B9%E9%9D%A9+a", true)).isEqualTo("改革 a");
        assertThat(ParameterCheck.decoded("a+b", false)).isEqualTo("a+b");
        assertThat(ParameterCheck.decoded("%00", true)).isEqualTo("\u0000");
        assertThatThrownBy(() -> ParameterCheck.decoded("%FF", true)).isInstanceOf(CharacterCodingException.class);
        assertThatThrownBy(() -> ParameterCheck.decoded("%ED%A0%80", true))
                .isInstanceOf(CharacterCodingException.class);
        assertThatThrownBy(() -> ParameterCheck.decoded("%Z1", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParameterCheck.decoded("%4", true)).isInstanceOf(IllegalArgumentException.class);
    }
}
