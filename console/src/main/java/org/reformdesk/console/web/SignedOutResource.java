package org.reformdesk.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Where Keycloak sends a person back after signing out (RP-initiated logout): a page without a session. */
@Path("/signed-out")
class SignedOutResource {

    @CheckedTemplate(basePath = "signedOut")
    static class Templates {
        static native TemplateInstance signedOut();
    }

    @GET
    public TemplateInstance page() {
        return Templates.signedOut();
    }
}
