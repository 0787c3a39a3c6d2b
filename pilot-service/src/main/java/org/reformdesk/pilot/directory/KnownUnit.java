package org.reformdesk.pilot.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** This service's copy of a unit from the directory, so the ledger can name lead units. */
@Entity
@Table(name = "known_unit")
public class KnownUnit extends PanacheEntityBase {

    @Id
    public UUID id;

    public String code;

    public String name;

    /** Names of the given units that the directory has told us about. */
    public static Map<UUID, String> names(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return KnownUnit.<KnownUnit>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(unit -> unit.id, unit -> unit.name));
    }
}
