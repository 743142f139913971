package io.ismsflow.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people sign in.
 *
 * @param mode {@code local}: users from configuration with bcrypt password hashes (HTTP Basic);
 *     {@code oidc}: JWTs from the identity provider ({@code spring.security.oauth2.resourceserver.jwt.*})
 * @param demoUsers whether the documented demo users of the sample plant exist (password "demo");
 *     a warning is logged at every start while they do
 * @param users further local users
 * @param login sign-in throttling
 * @param oidc how groups are read from a JWT
 */
@ConfigurationProperties("isms.security")
record IdentityProperties(
    @DefaultValue("local") Mode mode,
    @DefaultValue("true") boolean demoUsers,
    List<LocalUser> users,
    @DefaultValue Login login,
    @DefaultValue Oidc oidc) {

  IdentityProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }

  enum Mode {
    LOCAL,
    OIDC
  }

  /**
   * @param username sign-in name
   * @param passwordHash bcrypt hash ({@code $2a$...} or {@code {bcrypt}$2a$...}); never a plain password
   * @param displayName name shown to others
   * @param groups ISMS groups, e.g. ciso, risk-owner (see {@link IsmsGroup})
   */
  record LocalUser(String username, String passwordHash, String displayName, List<String> groups) {}

  /**
   * @param maxFailures failed sign-ins (per user name and address) before a lockout
   * @param lockout how long sign-in is then refused
   */
  record Login(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockout) {}

  /**
   * @param groupsClaim the JWT claim that lists the person's groups
   * @param portalClientId the identity provider's public client (authorization code flow with
   *     PKCE) through which the portal signs people in
   * @param portalScope the scopes the portal asks for
   */
  record Oidc(
      @DefaultValue("groups") String groupsClaim,
      @DefaultValue("isms-portal") String portalClientId,
      @DefaultValue("openid profile") String portalScope) {}
}
