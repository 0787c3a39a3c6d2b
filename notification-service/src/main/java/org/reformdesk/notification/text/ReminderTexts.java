package org.reformdesk.notification.text;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reformdesk.notification.rules.ReminderKind;

import java.util.List;
import java.util.Map;

/**
 * Writes reminders from the Qute templates in {@code templates/reminders/<language>/<KIND>.txt}, each with a
 * {@code title} and a {@code body} fragment, in the recipient's language; the daily digest from {@code digest.txt}.
 */
@ApplicationScoped
public class ReminderTexts {

    /** A reminder's words. */
    public record Text(String title, String body) {
    }

    @Inject
    Engine engine;

    public Text write(ReminderKind kind, Language language, Map<String, String> facts) {
        Template template = engine.getTemplate("reminders/" + language.tag() + "/" + kind.name());
        if (template == null) {
            throw new IllegalStateException("No " + language.tag() + " template for " + kind);
        }
        return new Text(render(template.getFragment("title").instance(), facts).strip(),
                render(template.getFragment("body").instance(), facts).strip());
    }

    /** The daily digest: one message naming the titles of the reminders it gathers, from {@code digest.txt}. */
    public Text digest(Language language, List<String> titles) {
        Template template = engine.getTemplate("reminders/" + language.tag() + "/digest");
        return new Text(template.getFragment("title").data("count", titles.size()).render().strip(),
                template.getFragment("body").data("titles", titles).data("count", titles.size()).render().strip());
    }

    private static String render(TemplateInstance instance, Map<String, String> facts) {
        facts.forEach(instance::data);
        return instance.render();
    }
}
