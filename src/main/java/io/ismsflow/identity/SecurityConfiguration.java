package io.ismsflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may call what. Every endpoint needs a signed-in person except health. What a person may do
 * with a particular task or process is decided by the engine module from the task's candidate
 * groups; the coarse rules per URL are here.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

  static final String[] MANAGERS = {"ciso", "admin", "auditor", "executive"};
  static final String[] AUDIT_READERS = {"auditor", "admin", "ciso"};

  @Bean
  SignInOptions signInOptions(
      IdentityProperties properties, @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
    return properties.mode() == IdentityProperties.Mode.OIDC ? SignInOptions.oidc(issuer, properties.oidc()) : SignInOptions.local();
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http, IdentityProperties properties, SignInOptions signIn, ObjectMapper json, Clock clock) throws Exception {
    var problems = new ProblemResponses(json);
    http.authorizeHttpRequests(
        requests ->
            requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/error").permitAll()
                // the portal's static files (its data comes from /api, signed in)
                .requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.svg").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/sign-in").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/audit/**").hasAnyRole(AUDIT_READERS)
                .requestMatchers("/api/audit/**").denyAll()
                .requestMatchers(HttpMethod.GET, "/api/process-instances/**").hasAnyRole(MANAGERS)
                .requestMatchers(HttpMethod.GET, "/api/processes/*/xml").hasAnyRole(MANAGERS)
                .anyRequest().authenticated());
    http.exceptionHandling(e -> e.authenticationEntryPoint(problems.entryPoint()).accessDeniedHandler(problems.accessDenied()));
    // Requests that carry their credentials in a header cannot be forged by another site; sessions (the portal) can.
    http.csrf(
        csrf ->
            csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null));
    http.headers(
        headers ->
            headers
                .contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(contentSecurityPolicy(signIn)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(frame -> frame.deny()));

    if (properties.mode() == IdentityProperties.Mode.OIDC) {
      http.oauth2ResourceServer(
          oauth ->
              oauth
                  .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter(properties.oidc().groupsClaim())))
                  .authenticationEntryPoint(problems.entryPoint())
                  .accessDeniedHandler(problems.accessDenied()));
    } else {
      var passwords = new DaoAuthenticationProvider(new LocalUsers(properties));
      passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
      var throttle = new LoginThrottle(properties.login().maxFailures(), properties.login().lockout(), clock);
      http.authenticationProvider(new ThrottledAuthenticationProvider(passwords, throttle));
      http.httpBasic(basic -> basic.authenticationEntryPoint(problems.entryPoint()));
    }
    return http.build();
  }

  /**
   * Only the app's own scripts, styles and data; with OIDC the portal also fetches the identity
   * provider's discovery document and tokens (the sign-in page itself is a navigation, not a fetch).
   */
  static String contentSecurityPolicy(SignInOptions signIn) {
    var issuerOrigin = signIn.issuerOrigin();
    return "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
        + (issuerOrigin == null ? "" : " connect-src 'self' " + issuerOrigin + ";")
        + " frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
  }

  /** Groups from the token's groups claim (Keycloak-style "/ciso" paths too) become ISMS roles. */
  static JwtAuthenticationConverter jwtConverter(String groupsClaim) {
    var converter = new JwtAuthenticationConverter();
    converter.setPrincipalClaimName("preferred_username");
    converter.setJwtGrantedAuthoritiesConverter((Jwt jwt) -> groupAuthorities(jwt.getClaimAsStringList(groupsClaim)));
    return converter;
  }

  static Collection<GrantedAuthority> groupAuthorities(List<String> groups) {
    var authorities = new ArrayList<GrantedAuthority>();
    if (groups != null) {
      for (var group : groups) {
        var name = group.startsWith("/") ? group.substring(group.lastIndexOf('/') + 1) : group;
        IsmsGroup.byName(name).ifPresent(known -> authorities.add(new SimpleGrantedAuthority(known.authority())));
      }
    }
    return authorities;
  }
}
