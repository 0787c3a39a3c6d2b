package org.reformdesk.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.reformdesk.console.api.TaskApi;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Names for the ids the services answer with (units, groups, people), read once per page from task-service's
 * directory with the person's own token. Templates reach it as {@code inject:directory}.
 */
@RequestScoped
@Named("directory")
public class Directory {

    /** Every city has far fewer units than this; the directory answers at most 200 per page. */
    private static final String ALL = "200";

    @Inject
    @RestClient
    TaskApi tasks;

    @Inject
    ManagedExecutor executor;

    private CompletableFuture<Map<String, Map<String, Object>>> units;
    private CompletableFuture<Map<String, Map<String, Object>>> groups;
    private final Map<String, Optional<Map<String, Object>>> people = new LinkedHashMap<>();

    /**
     * Asks for the units and groups now, beside the page's own calls ({@link Calls}), for a page that shows both
     * rather than when its template first names one.
     */
    public void askAhead() {
        if (units == null) {
            units = executor.supplyAsync(this::readUnits);
        }
        if (groups == null) {
            groups = executor.supplyAsync(this::readGroups);
        }
    }

    public List<Map<String, Object>> units() {
        return List.copyOf(unitsById().values());
    }

    public List<Map<String, Object>> groups() {
        return List.copyOf(groupsById().values());
    }

    /** The directory's people (heads, liaisons, leaders …) for choosing a responsible person. */
    public List<Map<String, Object>> people() {
        return tasks.people(Map.of("size", ALL)).items();
    }

    public String unitName(Object id) {
        Map<String, Object> unit = id == null ? null : unitsById().get(id.toString());
        return unit == null ? String.valueOf(id) : String.valueOf(unit.get("name"));
    }

    /** Units named by ids joined with commas (a history entry's participating units), as names joined with 、. */
    public String unitNames(Object ids) {
        if (ids == null || ids.toString().isBlank()) {
            return "—";
        }
        return Arrays.stream(ids.toString().split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .map(this::unitName).collect(Collectors.joining("、"));
    }

    public Map<String, Object> unit(Object id) {
        return id == null ? null : unitsById().get(id.toString());
    }

    public String groupName(Object id) {
        Map<String, Object> group = id == null ? null : groupsById().get(id.toString());
        return group == null ? String.valueOf(id) : String.valueOf(group.get("name"));
    }

    /** A person's name, or the id itself where the directory does not hold them (partners may name others). */
    public String personName(Object id) {
        if (id == null) {
            return "";
        }
        return people.computeIfAbsent(id.toString(), key -> {
            try {
                return Optional.of(tasks.person(UUID.fromString(key)));
            } catch (RuntimeException unknown) {
                return Optional.empty();
            }
        }).map(person -> String.valueOf(person.get("name"))).orElse(id.toString());
    }

    private Map<String, Map<String, Object>> unitsById() {
        if (units == null) {
            units = CompletableFuture.completedFuture(readUnits());
        }
        return Calls.answer(units);
    }

    private Map<String, Map<String, Object>> groupsById() {
        if (groups == null) {
            groups = CompletableFuture.completedFuture(readGroups());
        }
        return Calls.answer(groups);
    }

    private Map<String, Map<String, Object>> readUnits() {
        return byId(tasks.units(Map.of("size", ALL)).items());
    }

    private Map<String, Map<String, Object>> readGroups() {
        return byId(tasks.groups(Map.of("size", ALL)).items());
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> items) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(String.valueOf(item.get("id")), item));
        return byId;
    }
}
