package org.guichet.testing;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The modules' message bundles as files, read without Spring: each module's, or all of them together. */
public final class MessageBundles {

    private MessageBundles() {}

    /** Each module's bundle in this language ({@code ""} for French, {@code "_en"}), by module name. */
    public static Map<String, Properties> byModule(String suffix) {
        var bundles = new TreeMap<String, Properties>();
        try {
            var resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:org/guichet/*/messages" + suffix + ".properties");
            for (var resource : resources) {
                var path = resource.getURL().getPath();
                var module = path.replaceAll(".*/org/guichet/([^/]+)/messages[^/]*$", "$1");
                var properties = new Properties();
                try (var in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
                bundles.put(module, properties);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bundles;
    }

    /** Every module's messages in this language, together. */
    public static Properties all(String suffix) {
        var all = new Properties();
        byModule(suffix).values().forEach(all::putAll);
        return all;
    }
}
