package org.guichet.platform;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock every module injects (tests move time, they never sleep), and scheduled jobs: each {@code @Scheduled}
 * method also carries ShedLock's {@code @SchedulerLock}, so that whatever the number of nodes one node runs it at a
 * time, and a job that must run once per schedule (a daily digest, an hourly expiry) stays held for most of its
 * period after it ran. The lock is a row of {@code shedlock}, taken and compared with the database's time, never a
 * node's ({@code ScheduledJobsTests} fails on a job without a lock).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M", proxyTargetClass = true)
class PlatformConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                // which node holds a job (pid@host): nodes may share a host
                .withLockedByValue(ManagementFactory.getRuntimeMXBean().getName())
                .build());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
