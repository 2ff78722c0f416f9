package org.guichet.platform.startup;

import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * At build time, when Spring's AOT processing has settled the beans: writes into the jar the configuration it settled
 * them for ({@link PreparedConfiguration}), so that a start in AOT mode can tell whether its own configuration would
 * have settled the same. Registered in {@code META-INF/spring/aot.factories}.
 */
class PreparedConfigurationRecorder implements BeanFactoryInitializationAotProcessor {

    @Override
    public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        var prepared = PreparedConfiguration.of(beanFactory, beanFactory.getBean(ConfigurableEnvironment.class));
        return (generationContext, code) -> {
            generationContext.getGeneratedFiles().addResourceFile(PreparedConfiguration.RESOURCE, prepared.text());
            generationContext.getRuntimeHints().resources().registerPattern(PreparedConfiguration.RESOURCE);
        };
    }
}
