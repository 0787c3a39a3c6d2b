package org.reformdesk.task.directory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.UnitKind;

import java.util.List;
import java.util.UUID;

/** What clients send to the directory; the same shape registers and (PUT) replaces an entry. */
final class DirectoryRequests {

    /** WeCom userids and DingTalk userIds: letters, digits and _ . @ - (the messengers' own rule), at most 64. */
    static final String MESSENGER_ACCOUNT = "[A-Za-z0-9_.@-]{1,64}";
    static final String MESSENGER_ACCOUNT_RULE = "letters, digits and '_', '.', '@', '-' only, as the messenger's directory names the person";

    private DirectoryRequests() {
    }

    public record UnitDetails(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and '-' only") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull AssessmentCategory category,
            @NotNull UnitKind kind) {
    }

    public record PersonDetails(
            @NotBlank @Size(max = 100) String name,
            @NotNull UUID unitId,
            @NotNull Post post,
            @Size(max = 32) @Pattern(regexp = "\\+?[0-9 -]{5,32}", message = "digits, spaces, '-' and a leading '+' only") String phone,
            @Size(max = 200) @Email String email,
            @Size(max = 35) @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", message = "a BCP 47 tag such as zh-CN") String language,
            @Size(min = 2, max = 255) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "a login name: letters, digits, '.', '_', '@' and '-' only") String username,
            @Size(max = 64) @Pattern(regexp = MESSENGER_ACCOUNT, message = MESSENGER_ACCOUNT_RULE) String wecomUserId,
            @Size(max = 64) @Pattern(regexp = MESSENGER_ACCOUNT, message = MESSENGER_ACCOUNT_RULE) String dingtalkUserId) {
    }

    public record GroupDetails(
            @NotBlank @Size(max = 200) String name,
            @NotNull UUID headPersonId,
            @NotNull UUID liaisonUnitId,
            @Size(max = 500) List<@NotNull UUID> memberUnitIds) {
    }
}
