package org.reformdesk.console.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A task's history as a clerk reads it: task-service records an approved extension twice, as 同意延期 and as the
 * 调整时限 it causes (same person, same old and new deadline), and a clerk should read one change - the approval,
 * which carries the office's comment.
 */
final class HistoryRows {

    private HistoryRows() {
    }

    static List<Map<String, Object>> of(List<Map<String, Object>> history) {
        List<Map<String, Object>> rows = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            Map<String, Object> entry = history.get(i);
            boolean causedByTheApproval = "DEADLINE_CHANGED".equals(entry.get("action"))
                    && (i > 0 && approvalOf(history.get(i - 1), entry)
                    || i + 1 < history.size() && approvalOf(history.get(i + 1), entry));
            if (!causedByTheApproval) {
                rows.add(entry);
            }
        }
        return rows;
    }

    /** The approval names the deadlines as the field it changed (old → new); the adjustment as the task's. */
    private static boolean approvalOf(Map<String, Object> approval, Map<String, Object> change) {
        return "EXTENSION_APPROVED".equals(approval.get("action"))
                && Objects.equals(approval.get("actor"), change.get("actor"))
                && Objects.equals(approval.get("oldValue"), change.get("previousDeadline"))
                && Objects.equals(approval.get("newValue"), change.get("deadline"));
    }
}
