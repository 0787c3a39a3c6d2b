package org.reformdesk.task.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

/** The task ledger (台账) over REST. */
@Path("/api/v1/tasks")
@Tag(name = "Ledger")
public class TaskResource {

    public record NewTask(
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and '-' only") String code,
            @NotBlank @Size(max = 500) String title,
            @NotNull UUID leadUnitId,
            @NotNull UUID responsiblePersonId,
            @NotNull LocalDate deadline) {
    }

    public record TaskView(UUID id, String code, String title, UUID leadUnitId, UUID responsiblePersonId,
            LocalDate deadline, TaskStatus status, Timeliness timeliness) {
    }

    @Inject
    TaskService tasks;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Enter a task into the ledger, assigned to its lead unit")
    public Response create(@NotNull @Valid NewTask task, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        TaskView created = view(tasks.create(task, caller.name(), idempotencyKey));
        return Response.created(URI.create("/api/v1/tasks/" + created.id())).entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One task, with its derived timeliness")
    public TaskView get(@PathParam("id") UUID id) {
        Task task = tasks.find(id).orElseThrow(() -> ProblemException.notFound("Task", id));
        caller.requireRead(task.leadUnitId);
        return view(task);
    }

    @GET
    @Operation(summary = "The ledger, paged and filtered; a unit officer sees their own unit's tasks")
    public Page<TaskView> list(@QueryParam("status") TaskStatus status,
            @QueryParam("timeliness") Timeliness timeliness,
            @QueryParam("leadUnit") UUID leadUnit,
            @Valid @BeanParam PageRequest paging) {
        UUID scope = caller.readScope(leadUnit).orElse(null);
        return tasks.list(new TaskService.LedgerFilter(status, timeliness, scope), paging).map(this::view);
    }

    private TaskView view(Task task) {
        return new TaskView(task.id, task.code, task.title, task.leadUnitId, task.responsiblePersonId, task.deadline,
                task.status, tasks.timeliness(task));
    }
}
