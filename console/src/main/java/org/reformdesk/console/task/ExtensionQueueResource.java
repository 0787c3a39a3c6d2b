package org.reformdesk.console.task;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.reformdesk.console.api.Page;
import org.reformdesk.console.api.TaskApi;
import org.reformdesk.console.web.ConsoleConfig;

import java.util.Map;

/**
 * 延期申请: the extension requests waiting for the reform office, oldest first, each linking to its task, where the
 * office decides. A unit officer sees those of the tasks their unit leads (task-service scopes the list).
 */
@Path("/extension-requests")
class ExtensionQueueResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Page page);
    }

    @Inject
    @RestClient
    TaskApi tasks;

    @Inject
    ConsoleConfig config;

    @GET
    public TemplateInstance queue(@QueryParam("page") Integer page) {
        return Templates.queue(tasks.extensionRequests(Map.of("state", "PENDING",
                "page", Integer.toString(page == null || page < 0 ? 0 : page),
                "size", Integer.toString(config.pageSize()))));
    }
}
