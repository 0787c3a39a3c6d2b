package org.reformdesk.task.directory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;
import org.reformdesk.task.directory.DirectoryViews.PersonView;

import java.net.URI;
import java.util.UUID;

/** The people of the directory: heads, deputies, liaisons, information officers and leaders. */
@Path("/api/v1/people")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory")
class PersonResource {

    @Inject
    PersonService people;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Register a person (language defaults to zh-CN)")
    public Response register(@NotNull @Valid DirectoryRequests.PersonDetails person,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        PersonView created = PersonView.of(people.register(person, caller.name(), idempotencyKey));
        return Response.created(URI.create("/api/v1/people/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Replace a person's details")
    public PersonView update(@PathParam("id") UUID id, @NotNull @Valid DirectoryRequests.PersonDetails person) {
        return PersonView.of(people.update(id, person, caller.name()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "A person left their post: gone from lists and reminders, kept in histories")
    public Response remove(@PathParam("id") UUID id) {
        people.remove(id, caller.name());
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "The people in the directory, by name, filtered by unit, post, text in the name and login "
            + "name (username)")
    public Page<PersonView> list(@QueryParam("unit") UUID unit, @QueryParam("post") Post post,
            @QueryParam("q") String text, @QueryParam("username") String username,
            @Valid @BeanParam PageRequest paging) {
        return people.list(new PersonService.PersonFilter(unit, post, text, username), paging).map(PersonView::of);
    }

    @GET
    @Path("me")
    @Operation(summary = "The caller's own person: the one their token's person claim names, else the one whose "
            + "login name (username) is the token's preferred_username; 404 if their login is nobody's")
    public PersonView me() {
        return caller.person().flatMap(people::find).map(PersonView::of).orElseThrow(() -> new ProblemException(404,
                "Person not found", "No person of the directory has the login " + caller.name()
                        + "; the reform office links a login to a person by giving the person that username."));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One person, also after they left (removed = true)")
    public PersonView get(@PathParam("id") UUID id) {
        return people.find(id).map(PersonView::of).orElseThrow(() -> ProblemException.notFound("Person", id));
    }
}
