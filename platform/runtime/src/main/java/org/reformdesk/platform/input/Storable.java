package org.reformdesk.platform.input;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Which values a request may carry into the services: those PostgreSQL can store and compare and a person can have
 * typed. Each method says what is wrong with a value, or nothing; the edge (JSON bodies, query, path and header
 * parameters) refuses what they name with a 400 that names the field, so such a value never reaches the database to
 * fail there with a 500.
 */
public final class Storable {

    /** Dates between these years: ISO 8601's four digits, well inside what PostgreSQL's date and timestamp hold. */
    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;
    /**
     * Digits a decimal may carry before and after its point. PostgreSQL's numeric holds more, but no score or weight
     * of a reform ledger needs them, and 1e-400 would otherwise be stored as 0 and 1e100000 cost 100,000 digits.
     */
    public static final int MAX_INTEGER_DIGITS = 40;
    public static final int MAX_FRACTION_DIGITS = 20;

    private static final String OUTSIDE_THE_YEARS = "must be a date between the years " + FIRST_YEAR + " and "
            + LAST_YEAR;
    private static final Instant EARLIEST = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LATEST = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC)
            .toInstant();

    private Storable() {
    }

    /**
     * PostgreSQL refuses NUL (U+0000) in text outright, and a lone surrogate is no character at all (UTF-8 cannot
     * encode it); the other control characters (bell, escape, the C1 codes) are never typed and break the ledger's
     * exports and the channels' messages. Tab, line feed and carriage return stay: narratives have lines.
     */
    public static Optional<String> text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain the NUL character (U+0000)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format("must not contain a lone surrogate (U+%04X)", (int) c));
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(String.format("must not contain the control character U+%04X", (int) c));
            }
        }
        return Optional.empty();
    }

    /** Java reads +999999999-12-31 as a date; PostgreSQL's date stops at 5874897 AD and refuses it. */
    public static Optional<String> year(int year) {
        return year < FIRST_YEAR || year > LAST_YEAR ? Optional.of(OUTSIDE_THE_YEARS) : Optional.empty();
    }

    public static Optional<String> instant(Instant instant) {
        return instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST) ? Optional.of(OUTSIDE_THE_YEARS)
                : Optional.empty();
    }

    public static Optional<String> date(LocalDate date) {
        return year(date.getYear());
    }

    public static Optional<String> decimal(BigDecimal number) {
        BigDecimal plain = number.stripTrailingZeros();
        if ((long) plain.precision() - plain.scale() > MAX_INTEGER_DIGITS || plain.scale() > MAX_FRACTION_DIGITS) {
            return Optional.of("must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point and "
                    + MAX_FRACTION_DIGITS + " after it");
        }
        return Optional.empty();
    }

    /** 1e400 overflows a double to infinity, and "NaN" would be read as a number: neither is a figure. */
    public static Optional<String> floating(double number) {
        return Double.isFinite(number) ? Optional.empty() : Optional.of("must be a finite number");
    }
}
