package org.reformdesk.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.reformdesk.platform.problem.RefusedValue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The JSON mapper request bodies are read with, in every service: the application's mapper, stricter. A key that
 * appears twice in one object is refused (which of the two a client meant is anybody's guess), a fraction or an
 * exponent where a whole number belongs (1e-400 would be read as 0), and any value
 * {@link Storable} says the database cannot take — text with NUL, other control characters or a lone surrogate, a
 * date outside the years 1 to 9999, a number that is not finite or has too many digits — each as a
 * {@link RefusedValue}, which the problem mappers answer with a 400 naming the field. Only REST bodies: events and
 * channel replies keep the plain mapper.
 */
@Provider
public class StrictJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    @Inject
    public StrictJson(ObjectMapper application) {
        this.strict = application.copy()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .registerModule(new SimpleModule("storable-values").setDeserializerModifier(new Checked()));
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    /** Wraps the deserializers of text, dates and numbers so each value they read is checked. */
    private static final class Checked extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            boolean checked = type == String.class || type == LocalDate.class || type == LocalDateTime.class
                    || type == Instant.class || type == OffsetDateTime.class || type == BigDecimal.class
                    || type == Double.class || type == double.class || type == Float.class || type == float.class;
            return checked ? new CheckedValue(deserializer) : deserializer;
        }
    }

    private static final class CheckedValue extends DelegatingDeserializer {

        CheckedValue(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new CheckedValue(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            Optional<String> problem = problem(value);
            if (problem.isPresent()) {
                throw new RefusedValue(parser, handledType(), problem.get());
            }
            return value;
        }

        private static Optional<String> problem(Object value) {
            if (value instanceof String text) {
                return Storable.text(text);
            }
            if (value instanceof LocalDate date) {
                return Storable.date(date);
            }
            if (value instanceof LocalDateTime time) {
                return Storable.year(time.getYear());
            }
            if (value instanceof OffsetDateTime time) {
                return Storable.year(time.getYear());
            }
            if (value instanceof Instant instant) {
                return Storable.instant(instant);
            }
            if (value instanceof BigDecimal number) {
                return Storable.decimal(number);
            }
            if (value instanceof Double || value instanceof Float) {
                return Storable.floating(((Number) value).doubleValue());
            }
            return Optional.empty();
        }
    }
}
