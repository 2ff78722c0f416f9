package org.guichet.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.guichet.GuichetApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;

/**
 * Where a start's time goes: runs Guichet with Spring's buffering start-up recorder until it is ready, then prints the
 * steps that took longest by their own time (their duration less their sub-steps'), and exits. Arguments are Guichet's
 * ({@code --spring.profiles.active=demo}, …). Run: {@code bench/startup-steps.sh}.
 */
public final class StartupSteps {

    private StartupSteps() {}

    public static void main(String[] args) {
        long started = System.nanoTime();
        var application = new SpringApplication(GuichetApplication.class);
        // as if started by Guichet's own main (Spring's AOT mode looks for the initializer named after it)
        application.setMainApplicationClass(GuichetApplication.class);
        var recorder = new BufferingApplicationStartup(200_000);
        application.setApplicationStartup(recorder);
        var context = application.run(args);
        long readyMs = (System.nanoTime() - started) / 1_000_000;
        List<TimelineEvent> events = recorder.getBufferedTimeline().getEvents();
        Map<Long, Duration> children = new HashMap<>();
        for (var event : events) {
            var parent = event.getStartupStep().getParentId();
            if (parent != null) {
                children.merge(parent, event.getDuration(), Duration::plus);
            }
        }
        record Step(String name, long selfMs, long totalMs) {}
        var steps = new ArrayList<Step>();
        for (var event : events) {
            var step = event.getStartupStep();
            var tags = new StringBuilder();
            step.getTags().forEach(tag -> tags.append(' ').append(tag.getKey()).append('=').append(tag.getValue()));
            var self = event.getDuration().minus(children.getOrDefault(step.getId(), Duration.ZERO));
            steps.add(new Step(step.getName() + tags, self.toMillis(), event.getDuration().toMillis()));
        }
        steps.sort(Comparator.comparingLong(Step::selfMs).reversed());
        System.out.printf("ready after %d ms (JVM up %d ms before main)%n", readyMs,
                System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() - readyMs);
        var beans = steps.stream()
                .filter(s -> s.name().startsWith("spring.beans.instantiate"))
                .mapToLong(Step::selfMs)
                .summaryStatistics();
        System.out.printf("beans' own instantiation time, all %d: %d ms%n", beans.getCount(), beans.getSum());
        steps.stream().limit(45).forEach(s -> System.out.printf("%6d ms own  %6d ms all  %s%n", s.selfMs(), s.totalMs(), s.name()));
        context.close();
        System.exit(0);
    }
}
