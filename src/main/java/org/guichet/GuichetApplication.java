package org.guichet;

import java.util.Map;
import org.guichet.platform.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Guichet, the secure portal of the city's agents.
 *
 * <p>Without arguments it serves the portal. With a command as first argument ({@code import}, {@code generate}, …)
 * it runs that command against the configured database and exits; {@code help} lists them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Guichet", sharedModules = "platform")
public class GuichetApplication {

    public static void main(String[] args) {
        var application = new SpringApplication(GuichetApplication.class);
        if (CommandLine.isCommand(args)) {
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setLogStartupInfo(false);
            application.setDefaultProperties(Map.of("logging.level.root", "WARN", "spring.main.banner-mode", "off"));
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }
}
