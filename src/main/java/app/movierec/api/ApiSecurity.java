package app.movierec.api;

import app.movierec.ratings.RatingService;
import app.movierec.security.OperatorAccounts;
import app.movierec.security.ProblemResponses;
import app.movierec.security.SecurityHeaders;
import app.movierec.security.VisitorTokenFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Spring Security for {@code /api/**}, ahead of the pages' chain: stateless (no session, no cookies
 * read, so no CSRF to defend against), a visitor's {@code Authorization: Bearer <token>} ({@link
 * VisitorTokenFilter}) or the operator's Basic credentials. {@code /api/admin/**} needs the
 * operator; whether a request may change a user's ratings is decided by the controller on the
 * userId it writes ({@link app.movierec.security.WriteAccess}). 401 and 403 are problem JSON; the
 * headers forbid framing and any content in the JSON.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration
class ApiSecurity {

  static final String REALM = "movierec";

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      RatingService ratings,
      ObjectProvider<SecurityContextHolderStrategy> strategies)
      throws Exception {
    // the strategy Spring Security's own filters use (a unique bean, else the static holder's)
    SecurityContextHolderStrategy contexts =
        strategies.getIfUnique(SecurityContextHolder::getContextHolderStrategy);
    http.securityMatcher("/api/**")
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .httpBasic(
            basic -> basic.realmName(REALM).authenticationEntryPoint(ApiSecurity::unauthorized))
        .addFilterBefore(new VisitorTokenFilter(ratings, contexts), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/api/admin/**")
                    .hasRole(OperatorAccounts.ROLE)
                    .anyRequest()
                    .permitAll())
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(ApiSecurity::unauthorized)
                    .accessDeniedHandler(
                        (request, response, denied) ->
                            ProblemResponses.write(
                                request,
                                response,
                                HttpServletResponse.SC_FORBIDDEN,
                                "Forbidden",
                                "this needs the operator's credentials",
                                null)))
        .headers(SecurityHeaders::api);
    return http.build();
  }

  private static void unauthorized(
      HttpServletRequest request,
      HttpServletResponse response,
      org.springframework.security.core.AuthenticationException failure)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
    ProblemResponses.write(
        request,
        response,
        HttpServletResponse.SC_UNAUTHORIZED,
        "Unauthorized",
        "this needs the operator's credentials (HTTP Basic)",
        null);
  }
}
