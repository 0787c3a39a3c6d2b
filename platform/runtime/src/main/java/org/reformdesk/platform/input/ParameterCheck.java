package org.reformdesk.platform.input;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.reformdesk.platform.problem.Problem;
import org.reformdesk.platform.problem.ProblemException;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Refuses a query, path or header parameter that cannot be what its endpoint declares, with a 400 naming the
 * parameter, before the framework converts it. Left to the framework, a value it cannot convert (an unknown status,
 * a non-UUID id, a year past the range of an int) answers {@code 404 Not Found}, as JAX-RS prescribes for query and
 * path parameters, naming nothing; and text it converts happily (NUL, a date in the year 999,999,999) reaches the
 * database and fails there with a 500. Each declared parameter is checked against its type and {@link Storable}.
 */
public class ParameterCheck {

    private static final Pattern CANONICAL_UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private enum Source { QUERY, PATH, HEADER }

    /** A declared parameter; a path parameter also by its segment, counted from the path's end. */
    private record Declared(String name, Source source, Class<?> type, int segmentFromEnd) {
    }

    private final Map<Method, List<Declared>> declared = new ConcurrentHashMap<>();

    /** After the partner gate: who may call comes before what the call says. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void check(HttpServerRequest request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, List<String>> query = rawQuery(request.query());
        String[] segments = request.path().split("/", -1);
        for (Declared parameter : declared.computeIfAbsent(method, ParameterCheck::declaredBy)) {
            List<String> values = switch (parameter.source()) {
                case QUERY -> query.get(parameter.name());
                case PATH -> parameter.segmentFromEnd() < segments.length
                        ? List.of(segments[segments.length - 1 - parameter.segmentFromEnd()]) : List.of();
                case HEADER -> request.headers().getAll(parameter.name());
            };
            for (String value : values == null ? List.<String>of() : values) {
                Optional<String> problem;
                try {
                    problem = problem(parameter.type(), switch (parameter.source()) {
                        case QUERY -> decoded(value, true);
                        case PATH -> decoded(value, false);
                        case HEADER -> value;
                    });
                } catch (CharacterCodingException | IllegalArgumentException e) {
                    problem = Optional.of("must be UTF-8 text, percent-encoded");
                }
                problem.ifPresent(message -> errors.add(new Problem.FieldError(parameter.name(), message)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid request", errors.stream()
                    .map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")), errors);
        }
    }

    /** The query's parameters by name, their values still percent-encoded as the client sent them. */
    private static Map<String, List<String>> rawQuery(String query) {
        Map<String, List<String>> parameters = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            try {
                parameters.computeIfAbsent(decoded(name, true), n -> new ArrayList<>())
                        .add(equals < 0 ? "" : pair.substring(equals + 1));
            } catch (CharacterCodingException | IllegalArgumentException e) {
                // a name no endpoint declares: nobody reads it
            }
        }
        return parameters;
    }

    /**
     * The parameter as the client sent it, percent-decoded strictly: the framework's own decoding turns bytes that are
     * not UTF-8 (%FF, an encoded surrogate) into U+FFFD and lets them pass as text nobody sent.
     */
    static String decoded(String raw, boolean query) throws CharacterCodingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("a % without two hex digits");
                }
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else if (c == '+' && query) {
                bytes.write(' ');
            } else {
                int end = i + Character.charCount(raw.codePointAt(i));
                byte[] encoded = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i = end - 1;
            }
        }
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                .toString();
    }

    /** What is wrong with {@code value} as a {@code type}; an empty value means "not given" and is left alone. */
    static Optional<String> problem(Class<?> type, String value) {
        Optional<String> text = Storable.text(value);
        if (text.isPresent() || value.isEmpty()) {
            return text;
        }
        if (type == UUID.class) {
            return CANONICAL_UUID.matcher(value).matches() ? Optional.empty()
                    : Optional.of("must be a UUID such as 3f2b8c1e-0a4d-4b7e-9c61-2d5e8f7a9b10");
        }
        if (type.isEnum()) {
            boolean known = Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(value));
            return known ? Optional.empty() : Optional.of("must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
        }
        if (type == Integer.class || type == int.class) {
            return whole(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == Long.class || type == long.class) {
            return whole(value, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == Boolean.class || type == boolean.class) {
            return value.equals("true") || value.equals("false") ? Optional.empty()
                    : Optional.of("must be true or false");
        }
        if (type == LocalDate.class) {
            try {
                return Storable.date(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                return Optional.of("must be a date such as 2026-12-31");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> whole(String value, long min, long max) {
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // not a whole number, or beyond a long: the same answer
        }
        return Optional.of("must be a whole number between " + min + " and " + max);
    }

    private static List<Declared> declaredBy(Method method) {
        List<String> template = new ArrayList<>();
        Stream.of(method.getDeclaringClass().getAnnotation(Path.class), method.getAnnotation(Path.class))
                .filter(Objects::nonNull)
                .forEach(path -> Stream.of(path.value().split("/")).filter(s -> !s.isEmpty()).forEach(template::add));
        List<Declared> found = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            collect(parameter, parameter.getType(), template, found);
        }
        return List.copyOf(found);
    }

    /** A parameter or a {@code @BeanParam} class's field: its name, where it comes from, and its type. */
    private static void collect(AnnotatedElement element, Class<?> type, List<String> template, List<Declared> found) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation instanceof QueryParam query) {
                found.add(new Declared(query.value(), Source.QUERY, type, -1));
            } else if (annotation instanceof PathParam path) {
                // Every path parameter of the services is a whole segment, {name}.
                int segment = template.lastIndexOf("{" + path.value() + "}");
                if (segment >= 0) {
                    found.add(new Declared(path.value(), Source.PATH, type, template.size() - 1 - segment));
                }
            } else if (annotation instanceof HeaderParam header) {
                found.add(new Declared(header.value(), Source.HEADER, type, -1));
            } else if (annotation instanceof BeanParam) {
                for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        collect(field, field.getType(), template, found);
                    }
                }
            }
        }
    }
}
