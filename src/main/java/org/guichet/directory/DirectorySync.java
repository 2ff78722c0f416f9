package org.guichet.directory;

import java.util.List;
import org.guichet.directory.ldap.LdapSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/**
 * The synchronisation with the administration's LDAP directory, as the administration page sees it: whether one is
 * configured, the last runs (counts, refused entries and why), and a run started now, in the background (a full run
 * of a city's directory takes tens of seconds).
 */
@Service
public class DirectorySync {

    private static final Logger LOG = LoggerFactory.getLogger(DirectorySync.class);

    private final LdapSync ldap;
    private final TaskExecutor executor;

    DirectorySync(LdapSync ldap, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.ldap = ldap;
        this.executor = executor;
    }

    public boolean configured() {
        return ldap.configured();
    }

    /** The last runs, newest first; the newest with its refusals. */
    public List<SyncRun> lastRuns(int count) {
        return ldap.lastRuns(count);
    }

    /**
     * Starts a run now, in the background, on behalf of this administrator; refused when none is configured or one is
     * already running (on any node).
     */
    public SyncRun.Start start(AgentId admin, boolean dryRun) {
        if (!ldap.configured()) {
            return SyncRun.Start.NOT_CONFIGURED;
        }
        if (ldap.running()) {
            return SyncRun.Start.ALREADY_RUNNING;
        }
        executor.execute(() -> {
            try {
                if (ldap.run(SyncRun.StartedFrom.ADMIN, admin, dryRun, false).isEmpty()) {
                    LOG.info("LDAP synchronisation asked by {} not run: another node's is running", admin.soi());
                }
            } catch (RuntimeException e) {
                LOG.error("LDAP synchronisation asked by {} failed: {}", admin.soi(), e.toString());
            }
        });
        return SyncRun.Start.STARTED;
    }
}
