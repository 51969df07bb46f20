package app.movierec.security;

import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security for the pages (the API has its own chain, {@code app.movierec.api.ApiSecurity},
 * ahead of this one): {@code /admin} and every path under it need the operator's login (role
 * {@value OperatorAccounts#ROLE}), by path, so an {@code /admin/...} view added later is covered
 * without an annotation; every other page is public. Vaadin's {@link VaadinSecurityConfigurer}
 * brings the login form at {@value #LOGIN_PATH} and the same path rules for in-app navigation (the
 * route path checker asks this chain, so a router link to {@code /admin} lands on the login view
 * too). CSRF protection: Spring's token on every form post, the login form's included, and Vaadin's
 * own token on Vaadin's requests.
 *
 * <p>Two filters run before Spring Security: {@link RequestLimitFilter} (body sizes, unparsable
 * query strings) and {@link RateLimitFilter} (per-client limits).
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration
@EnableWebSecurity
class SecurityConfig {

  static final String LOGIN_PATH = "/login";
  static final String[] OPERATOR_PATHS = {"/admin", "/admin/**"};

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, RequestUtil vaadinRequests) throws Exception {
    RequestMatcher operatorPages = operatorPages();
    http.authorizeHttpRequests(
        requests ->
            requests
                .requestMatchers(operatorPages)
                .hasRole(OperatorAccounts.ROLE)
                .requestMatchers(new NegatedRequestMatcher(operatorPages))
                .permitAll());
    http.headers(SecurityHeaders::pages);
    // Vaadin's own CSRF set-up exempts the login form's post; ours exempts only Vaadin's internal
    // requests (which carry Vaadin's own token), so the login form needs Spring's token too (the
    // login form sends it from the page's _csrf meta tags)
    http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
    http.with(
        VaadinSecurityConfigurer.vaadin(),
        vaadin -> vaadin.enableCsrfConfiguration(false).loginView(LOGIN_PATH, "/"));
    return http.build();
  }

  static RequestMatcher operatorPages() {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(
        java.util.Arrays.stream(OPERATOR_PATHS).map(paths::matcher).toArray(RequestMatcher[]::new));
  }

  /** In-app navigation follows the same path rules as requests (no annotations on the views). */
  @Bean
  static NavigationAccessControlConfigurer navigationAccessControlConfigurer() {
    return new NavigationAccessControlConfigurer()
        .withRoutePathAccessChecker()
        .withLoginView(LOGIN_PATH);
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  FilterRegistrationBean<RequestLimitFilter> requestLimitFilter(RequestLimitProperties limits) {
    FilterRegistrationBean<RequestLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestLimitFilter(limits));
    // right after the character-encoding filter, so parameters decode as UTF-8
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RateLimitFilter> rateLimitFilter(ClientRateLimits limits) {
    FilterRegistrationBean<RateLimitFilter> registration =
        new FilterRegistrationBean<>(new RateLimitFilter(limits));
    registration.setOrder(-150); // before Spring Security's filter chain (-100)
    return registration;
  }
}
