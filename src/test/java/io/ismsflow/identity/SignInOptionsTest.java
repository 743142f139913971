package io.ismsflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the portal is told about signing in, and what its pages may fetch from. */
class SignInOptionsTest {

  private final IdentityProperties.Oidc oidc = new IdentityProperties.Oidc("groups", "isms-portal", "openid profile");

  @Test
  void oidcNamesTheIssuerWithoutTrailingSlashAndThePortalClient() {
    var options = SignInOptions.oidc("http://localhost:18080/realms/isms/", oidc);
    assertThat(options).isEqualTo(new SignInOptions("oidc", "http://localhost:18080/realms/isms", "isms-portal", "openid profile"));
    assertThat(options.issuerOrigin()).isEqualTo("http://localhost:18080");
  }

  @Test
  void withOidcThePagesMayFetchFromTheIssuersOriginAndOtherwiseOnlyFromTheApp() {
    var withIssuer = SecurityConfiguration.contentSecurityPolicy(SignInOptions.oidc("https://login.plant.example/realms/isms", oidc));
    assertThat(withIssuer).contains("connect-src 'self' https://login.plant.example;").contains("default-src 'self';");

    assertThat(SecurityConfiguration.contentSecurityPolicy(SignInOptions.local())).doesNotContain("connect-src");
    var oidcWithoutIssuer = SignInOptions.oidc("", oidc);
    assertThat(oidcWithoutIssuer.issuer()).isNull();
    assertThat(SecurityConfiguration.contentSecurityPolicy(oidcWithoutIssuer)).doesNotContain("connect-src");
  }
}
