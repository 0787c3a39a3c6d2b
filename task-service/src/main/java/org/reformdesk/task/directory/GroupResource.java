package org.reformdesk.task.directory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;
import org.reformdesk.task.directory.DirectoryViews.GroupView;

import java.net.URI;
import java.util.UUID;

/** The special groups (专项小组) that coordinate tasks: head (组长), liaison unit and member units. */
@Path("/api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory")
class GroupResource {

    @Inject
    GroupService groups;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Set up a special group")
    public Response register(@NotNull @Valid DirectoryRequests.GroupDetails group,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        GroupView created = GroupView.of(groups.register(group, caller.name(), idempotencyKey));
        return Response.created(URI.create("/api/v1/groups/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Replace a special group's name, head, liaison unit and members")
    public GroupView update(@PathParam("id") UUID id, @NotNull @Valid DirectoryRequests.GroupDetails group) {
        return GroupView.of(groups.update(id, group, caller.name()));
    }

    @GET
    @Operation(summary = "The special groups, by name")
    public Page<GroupView> list(@Valid @BeanParam PageRequest paging) {
        return groups.list(paging).map(GroupView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One special group")
    public GroupView get(@PathParam("id") UUID id) {
        return groups.find(id).map(GroupView::of).orElseThrow(() -> ProblemException.notFound("Special group", id));
    }
}
