package io.ismsflow.identity;

import java.net.URI;
import org.springframework.util.StringUtils;

/**
 * How the portal signs a person in, told to the browser before anyone is signed in: with a user
 * name and password ({@code local}), or at the identity provider ({@code oidc}: authorization code
 * flow with PKCE against {@code issuer}, as the public client {@code clientId}). Nothing secret.
 *
 * @param mode {@code local} or {@code oidc}
 * @param issuer the identity provider's issuer URL as the browser reaches it (the {@code iss} of
 *     every token); null in local mode, or when it is not configured
 * @param clientId the portal's public client at the identity provider; null in local mode
 * @param scope the scopes the portal asks for; null in local mode
 */
public record SignInOptions(String mode, String issuer, String clientId, String scope) {

  static SignInOptions local() {
    return new SignInOptions("local", null, null, null);
  }

  static SignInOptions oidc(String issuer, IdentityProperties.Oidc oidc) {
    var trimmed = StringUtils.hasText(issuer) ? issuer.replaceAll("/+$", "") : null;
    return new SignInOptions("oidc", trimmed, oidc.portalClientId(), oidc.portalScope());
  }

  /** The issuer's origin (scheme, host, port), which the portal's pages may fetch from; null if none. */
  String issuerOrigin() {
    if (issuer == null) {
      return null;
    }
    var uri = URI.create(issuer);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
