package org.reformdesk.platform.input;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTest {

    @Test
    void textOfAnyScriptWithLinesAndTabsIsStorable() {
        assertThat(Storable.text("推进“放管服”改革\n第二行\t😀 café")).isEmpty();
    }

    @Test
    void nulOtherControlCharactersAndLoneSurrogatesAreNot() {
        assertThat(Storable.text("改革\u0000")).contains("must not contain the NUL character (U+0000)");
        assertThat(Storable.text("改革\u0007")).contains("must not contain the control character U+0007");
        assertThat(Storable.text("\u009b")).contains("must not contain the control character U+009B");
        assertThat(Storable.text("a\ud800b")).contains("must not contain a lone surrogate (U+D800)");
        assertThat(Storable.text("\udc00")).contains("must not contain a lone surrogate (U+DC00)");
        assertThat(Storable.text("a\ud83d")).contains("must not contain a lone surrogate (U+D83D)");
    }

    @Test
    void datesStayWithinTheYearsOneTo9999() {
        assertThat(Storable.date(LocalDate.of(2026, 12, 31))).isEmpty();
        assertThat(Storable.date(LocalDate.MAX)).isPresent();
        assertThat(Storable.date(LocalDate.of(0, 1, 1))).isPresent();
        assertThat(Storable.instant(Instant.MAX)).isPresent();
        assertThat(Storable.instant(Instant.parse("9999-12-31T23:59:59Z"))).isEmpty();
        assertThat(Storable.instant(Instant.parse("+10000-01-01T00:00:00Z"))).isPresent();
    }

    @Test
    void decimalsCarryAtMostFortyDigitsBeforeThePointAndTwentyAfter() {
        assertThat(Storable.decimal(new BigDecimal("99.50"))).isEmpty();
        assertThat(Storable.decimal(new BigDecimal("1E+30"))).isEmpty();
        assertThat(Storable.decimal(new BigDecimal("1E+400"))).isPresent();
        assertThat(Storable.decimal(new BigDecimal("1E-400"))).isPresent();
        assertThat(Storable.decimal(new BigDecimal("0.100000000000000000000000"))).isEmpty();
    }

    @Test
    void onlyFiniteFloatingNumbers() {
        assertThat(Storable.floating(1.5)).isEmpty();
        assertThat(Storable.floating(Double.NaN)).isPresent();
        assertThat(Storable.floating(Double.POSITIVE_INFINITY)).isPresent();
    }
}
