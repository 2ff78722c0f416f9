package org.guichet.platform.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * French by default, English on request: {@code ?lang=en} (the switch in the header) sets a cookie that keeps the
 * choice. Pages do not follow the browser's Accept-Language, so that every agent meets the same default; the JSON
 * API does (a phone app sends the phone's language), and also takes {@code ?lang=}.
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);
    static final String PARAMETER = "lang";

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("guichet_lang") {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                var requested = supported(language(request));
                return requested != null ? requested : super.resolveLocale(request);
            }
        };
        resolver.setDefaultLocaleFunction(request -> ApiPaths.isApi(request) ? apiDefault(request) : Locale.FRENCH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    /** The API's language when none was chosen: the first supported one the client accepts, else French. */
    private static Locale apiDefault(HttpServletRequest request) {
        return accepted(request.getHeader("Accept-Language"));
    }

    /** The first supported language of an {@code Accept-Language} header, else French. */
    static Locale accepted(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return Locale.FRENCH;
        }
        try {
            var match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return match != null ? match : Locale.FRENCH;
        } catch (IllegalArgumentException e) {
            return Locale.FRENCH;
        }
    }

    /** The language asked for with {@code ?lang=}; none when the request's parameters cannot even be read. */
    static @Nullable String language(HttpServletRequest request) {
        try {
            return request.getParameter(PARAMETER);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static @Nullable Locale supported(@Nullable String language) {
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(language))
                .findFirst()
                .orElse(null);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SupportedLocaleChangeInterceptor());
    }

    /** Accepts only the languages Guichet is written in; anything else is ignored. */
    static final class SupportedLocaleChangeInterceptor extends LocaleChangeInterceptor {

        SupportedLocaleChangeInterceptor() {
            setParamName(PARAMETER);
            setIgnoreInvalidLocale(true);
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws ServletException {
            return supported(language(request)) == null || super.preHandle(request, response, handler);
        }
    }
}
