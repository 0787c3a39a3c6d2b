package org.reformdesk.console.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The console's own settings. */
@ConfigMapping(prefix = "reform.console")
public interface ConsoleConfig {

    /**
     * The key anti-forgery tokens are signed with. Set the same value on every replica (Kubernetes: the Secret
     * console-credentials); unset, each process makes its own.
     */
    Optional<String> csrfKey();

    /** Rows per ledger page. */
    @WithDefault("20")
    int pageSize();

    /** The policy areas (政策领域) offered in filters and forms: task-service's reform.ledger.policy-areas. */
    @WithDefault("经济,社会民生,城市规划建设管理,民主法治,生态文明,党的建设,纪律检查")
    java.util.List<String> policyAreas();
}
