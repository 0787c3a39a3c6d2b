package org.reformdesk.task.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;
import org.reformdesk.platform.shedding.Sheddable;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The task ledger (台账) over REST; its pages, tasks and summary are shed with 503 when too many run at once. */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger")
class TaskResource {

    @Inject
    TaskService tasks;

    @Inject
    TaskLedger ledger;

    @Inject
    TaskChangeService changes;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Enter a task into the ledger, ASSIGNED to its lead unit (or a DRAFT to assign later)")
    public Response create(@NotNull @Valid TaskRequests.NewTask task,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        TaskView created = ledger.view(tasks.create(task, caller.name(), idempotencyKey));
        return Response.created(URI.create("/api/v1/tasks/" + created.id())).entity(created).build();
    }

    @GET
    @Sheddable
    @Path("{id}")
    @Operation(summary = "One task, with its milestones and derived timeliness")
    public TaskView get(@PathParam("id") UUID id) {
        return ledger.view(readable(id));
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Everything that happened to a task, oldest first: who, when, what and why")
    public List<TaskView.HistoryView> history(@PathParam("id") UUID id) {
        readable(id);
        return tasks.history(id).stream().map(TaskView.HistoryView::of).toList();
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Correct the task's descriptive fields (title, description, policyAreas, milestones, "
            + "participatingUnitIds); fields left out stay, each change goes into the history old → new; "
            + "Idempotency-Key")
    public TaskView edit(@PathParam("id") UUID id, @NotNull @Valid TaskRequests.TaskEdit edit,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return ledger.view(changes.edit(id, edit, caller.name(), idempotencyKey));
    }

    @POST
    @Path("{id}/reassignments")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Hand the task to another lead unit, responsible leader and/or responsible person, with a "
            + "reason (reform.task.reassigned.v1); closeOpenOrders closes its open supervision order; Idempotency-Key")
    public TaskView reassign(@PathParam("id") UUID id, @NotNull @Valid TaskRequests.Reassignment reassignment,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return ledger.view(changes.reassign(id, reassignment, caller.name(), idempotencyKey));
    }

    @POST
    @Path("{id}/transitions")
    @RolesAllowed({Roles.REFORM_OFFICE, Roles.UNIT_OFFICER, Roles.GROUP_LIAISON})
    @Operation(summary = "Move the task: ASSIGN, START, REQUEST_CLOSE, CLOSE, REJECT, SUSPEND, RESUME or CANCEL; "
            + "the lead unit may START and REQUEST_CLOSE, its special group's liaison REQUEST_CLOSE, the reform office "
            + "does the rest")
    public TaskView move(@PathParam("id") UUID id, @NotNull @Valid TaskRequests.Transition transition) {
        return ledger.view(tasks.transition(id, transition, caller));
    }

    @POST
    @Path("{id}/deadline-adjustments")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Set an approved new deadline (动态调整); the old one stays in the history")
    public TaskView adjustDeadline(@PathParam("id") UUID id,
            @NotNull @Valid TaskRequests.DeadlineAdjustment adjustment) {
        return ledger.view(tasks.adjustDeadline(id, adjustment, caller.name()));
    }

    @POST
    @Path("{id}/milestones")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Add a milestone (时间节点)")
    public Response addMilestone(@PathParam("id") UUID id, @NotNull @Valid TaskRequests.NewMilestone milestone) {
        tasks.addMilestone(id, milestone, caller.name());
        return Response.status(201).entity(ledger.view(tasks.find(id).orElseThrow())).build();
    }

    @PUT
    @Path("{id}/milestones/{milestoneId}")
    @RolesAllowed({Roles.REFORM_OFFICE, Roles.UNIT_OFFICER})
    @Operation(summary = "Mark a milestone reached (or not); the lead unit or the reform office")
    public TaskView markMilestone(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId,
            @NotNull @Valid TaskRequests.MilestoneUpdate update) {
        return ledger.view(tasks.markMilestone(id, milestoneId, update.done(), caller));
    }

    @GET
    @Sheddable
    @Operation(summary = "The ledger, paged, sorted (deadline, -deadline, code, -code, created, -created, title) and "
            + "filtered (responsiblePerson, responsibleLeader, mine=true for the caller's own tasks among them); a unit "
            + "officer sees the tasks their unit leads or takes part in")
    public Page<TaskView> list(@BeanParam LedgerParams filter, @Valid @BeanParam PageRequest paging) {
        Page<Task> page = ledger.list(filter.toFilter(caller), filter.sort, paging);
        return new Page<>(ledger.views(page.items()), page.page(), page.size(), page.total());
    }

    @GET
    @Sheddable
    @Path("summary")
    @Operation(summary = "Counts by status, timeliness, policy area, year and lead unit for dashboards (作战图)")
    public LedgerSummary summary(@BeanParam LedgerParams filter) {
        return ledger.summary(filter.toFilter(caller));
    }

    private Task readable(UUID id) {
        return tasks.readable(id, caller);
    }
}
