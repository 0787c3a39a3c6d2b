package org.reformdesk.task.spreadsheet;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.problem.Problem;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.platform.sheets.SheetRows;
import org.reformdesk.task.directory.Person;
import org.reformdesk.task.directory.Post;
import org.reformdesk.task.directory.SpecialGroup;
import org.reformdesk.task.directory.Unit;
import org.reformdesk.task.ledger.LedgerConfig;
import org.reformdesk.task.ledger.Task;
import org.reformdesk.task.ledger.TaskRequests;
import org.reformdesk.task.ledger.TaskRules;
import org.reformdesk.task.ledger.TaskService;
import org.reformdesk.task.ledger.TaskStatus;
import org.reformdesk.task.reporting.ReportService;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Loads a task list (分工方案) from a spreadsheet: every row is checked against the directory and the ledger's
 * rules first, every bad row is reported with its number and reason, and nothing is stored unless all are good.
 * A running ledger's rows may say where each task stands (状态, 销号日期, 暂停日期, latest report), which it keeps.
 */
@ApplicationScoped
class ImportService {

    /** What an import did. */
    public record Imported(UUID importId, int imported, TaskStatus status) {
    }

    /** What an Idempotency-Key fingerprints: the file and how it is entered. */
    record Fingerprint(String sha256, TaskStatus status) {
    }

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    /** A workbook with more rows than this is refused rather than held in one transaction. */
    static final int MAX_ROWS = 20_000;

    @Inject
    TaskService tasks;

    @Inject
    ReportService reports;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ServiceClock clock;

    @Inject
    LedgerConfig config;

    @Inject
    Validator validator;

    @Inject
    EntityManager entityManager;

    public Imported load(byte[] workbook, TaskStatus status, String actor, String idempotencyKey) {
        if (status != TaskStatus.DRAFT && status != TaskStatus.ASSIGNED) {
            throw ProblemException.invalid("status", "imported tasks enter the ledger as DRAFT or ASSIGNED");
        }
        List<SheetRows.Row<SheetColumn>> rows = SheetColumn.read(workbook);
        if (rows.isEmpty()) {
            throw ProblemException.invalid("body", "has a header but no task rows");
        }
        if (rows.size() > MAX_ROWS) {
            throw ProblemException.invalid("body", "has " + rows.size() + " rows; split it into files of at most "
                    + MAX_ROWS);
        }
        Fingerprint fingerprint = new Fingerprint(sha256(workbook), status);
        // Ten thousand rows take longer than a request transaction's default minute on a busy machine.
        UUID id = QuarkusTransaction.requiringNew().timeout((int) Duration.ofMinutes(10).toSeconds()).call(() ->
                idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/tasks/import", fingerprint,
                        () -> enter(rows, status, actor)));
        TaskImport done = TaskImport.findById(id);
        return new Imported(done.id, done.taskCount, TaskStatus.valueOf(done.status));
    }

    private UUID enter(List<SheetRows.Row<SheetColumn>> rows, TaskStatus status, String actor) {
        long started = System.nanoTime();
        Directory directory = Directory.load();
        List<Problem.FieldError> errors = new ArrayList<>();
        List<TaskRequests.NewTask> requests = new ArrayList<>();
        List<Standing> standings = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        for (SheetRows.Row<SheetColumn> row : rows) {
            List<String> rowErrors = new ArrayList<>();
            Standing standing = RowReader.standing(row, status, clock.today(), rowErrors);
            TaskRequests.NewTask request = RowReader.read(row, standing == null ? status : standing.entry(), directory,
                    rowErrors);
            if (request != null) {
                for (ConstraintViolation<TaskRequests.NewTask> violation : validator.validate(request)) {
                    rowErrors.add(violation.getPropertyPath() + " " + violation.getMessage());
                }
                TaskRules.check(request, config.policyAreas()).forEach(e -> rowErrors.add(e.message()));
                if (request.code() != null) {
                    Integer earlier = codes.putIfAbsent(request.code(), row.number());
                    if (earlier != null) {
                        rowErrors.add(SheetColumn.CODE.header() + " " + request.code() + " is also on row " + earlier);
                    }
                }
            }
            rowErrors.forEach(message -> errors.add(new Problem.FieldError("rows[" + row.number() + "]", message)));
            requests.add(request);
            standings.add(standing);
        }
        Set<String> taken = takenCodes(codes.keySet());
        for (SheetRows.Row<SheetColumn> row : rows) {
            String code = row.get(SheetColumn.CODE);
            if (code != null && taken.contains(code)) {
                errors.add(new Problem.FieldError("rows[" + row.number() + "]",
                        SheetColumn.CODE.header() + " " + code + " is in the ledger already"));
            }
        }
        if (!errors.isEmpty()) {
            Set<String> badRows = errors.stream().map(Problem.FieldError::field).collect(Collectors.toSet());
            throw new ProblemException(400, "Invalid rows", badRows.size() + " of " + rows.size()
                    + " rows cannot be imported; nothing was imported. " + errors.stream().limit(5)
                    .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
        TaskImport batch = new TaskImport();
        batch.id = UUID.randomUUID();
        batch.importedAt = clock.instant();
        batch.importedBy = actor;
        batch.taskCount = requests.size();
        batch.status = status.name();
        batch.persist();
        List<String> fresh = tasks.nextCodes((int) requests.stream().filter(r -> r.code() == null).count());
        long checked = System.nanoTime();
        int next = 0;
        for (int i = 0; i < requests.size(); i++) {
            TaskRequests.NewTask request = requests.get(i);
            Standing standing = standings.get(i);
            Task task = tasks.enterRunning(request, request.code() != null ? request.code() : fresh.get(next++), actor,
                    standing.carried());
            task.importId = batch.id;
            if (standing.progress() != null) {
                reports.carryOver(task, standing.progress().period(), standing.progress().percent(),
                        standing.progress().narrative(), actor);
            }
        }
        entityManager.flush();
        LOG.infof("Imported %d tasks for %s: rows checked in %d ms, stored in %d ms", requests.size(), actor,
                (checked - started) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
        return batch.id;
    }

    @SuppressWarnings("unchecked")
    private Set<String> takenCodes(Set<String> codes) {
        Set<String> taken = new HashSet<>();
        List<String> all = new ArrayList<>(codes);
        for (int from = 0; from < all.size(); from += 5_000) {
            taken.addAll(entityManager.createNativeQuery("SELECT code FROM task WHERE code IN (:codes)", String.class)
                    .setParameter("codes", all.subList(from, Math.min(all.size(), from + 5_000))).getResultList());
        }
        return taken;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The directory as the sheet names it: units by code or name, people and groups by name. */
    record Directory(Map<String, Unit> units, Map<String, List<Person>> people, Map<String, SpecialGroup> groups,
            Map<UUID, Person> heads) {

        static Directory load() {
            Map<String, Unit> units = new HashMap<>();
            for (Unit unit : Unit.<Unit>listAll()) {
                units.put(key(unit.code), unit);
                units.putIfAbsent(key(unit.name), unit);
            }
            Map<String, List<Person>> people = Person.<Person>list("removedAt is null").stream()
                    .collect(Collectors.groupingBy(p -> key(p.name)));
            Map<String, SpecialGroup> groups = SpecialGroup.<SpecialGroup>listAll().stream()
                    .collect(Collectors.toMap(g -> key(g.name), g -> g, (a, b) -> a));
            Map<UUID, Person> heads = new HashMap<>();
            people.values().stream().flatMap(List::stream).filter(p -> p.post == Post.HEAD)
                    .forEach(p -> heads.putIfAbsent(p.unitId, p));
            return new Directory(units, people, groups, heads);
        }

        Unit unit(String name) {
            return units.get(key(name));
        }

        /** The head (一把手) of a unit, the responsible person (责任人) when the sheet names none. */
        Person headOf(UUID unit) {
            return heads.get(unit);
        }

        static String key(String name) {
            return name.strip().toLowerCase(Locale.ROOT);
        }
    }
}
