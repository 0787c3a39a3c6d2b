package org.reformdesk.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A value a JSON body carries well-formed but the service refuses (text with NUL, a date in the year 999,999,999);
 * its reason is written for the client and answered, with the field, as a 400.
 */
public class RefusedValue extends MismatchedInputException {

    private final String reason;

    public RefusedValue(JsonParser parser, Class<?> type, String reason) {
        super(parser, reason, type);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
