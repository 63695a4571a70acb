package nl.koers.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import nl.koers.pages.map.WijkMap;
import nl.koers.pages.purpose.PurposeForm;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * What every page of either side stands on, switched on by having this module on the class path (both side
 * applications and the embedded default): messages in Dutch with English on request, the language kept in the
 * session, an idle timeout for page sessions, the login filter chain, the layout's helpers and the start page.
 */
@AutoConfiguration(before = {MessageSourceAutoConfiguration.class, WebMvcAutoConfiguration.class})
@Import({PageSecurity.class, PageChrome.class, PageProblems.class, StartPage.class, LoginPage.class, WijkMap.class,
        PurposeForm.class})
public class PagesAutoConfiguration {
    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final Set<String> SUPPORTED = Set.of("nl", "en");

    /**
     * {@code messages.properties} is Dutch, {@code messages_en.properties} English. Falling back to the system
     * locale is off: on an English machine a Dutch page would otherwise show English text.
     */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(DUTCH);
        return messages;
    }

    /** Dutch until {@code ?lang=en} (or {@code ?lang=nl}) switches the session. */
    @Bean(name = "localeResolver")
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocale(DUTCH);
        return resolver;
    }

    /** Only the two languages the messages exist in: {@code <html lang>} must never claim a third. */
    @Bean
    WebMvcConfigurer languageSwitch(LocaleResolver localeResolver) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        String lang = request.getParameter("lang");
                        if (lang != null && SUPPORTED.contains(lang)) {
                            localeResolver.setLocale(request, response, Locale.forLanguageTag(lang));
                        }
                        return true;
                    }
                }).excludePathPatterns("/api/**");
            }
        };
    }

    /** Page sessions end after 15 minutes without a request, whatever the servlet container's default is. */
    @Bean
    HttpSessionListener pageSessionIdleTimeout(@Value("${koers.pages.idle-timeout:PT15M}") Duration idle) {
        return new HttpSessionListener() {
            @Override
            public void sessionCreated(HttpSessionEvent event) {
                event.getSession().setMaxInactiveInterval((int) idle.toSeconds());
            }
        };
    }
}
