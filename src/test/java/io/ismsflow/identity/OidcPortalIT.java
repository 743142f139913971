package io.ismsflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.ismsflow.BrowserTests;
import io.ismsflow.FakeIdentityProvider;
import io.ismsflow.FakeIdentityProvider.Person;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app in OIDC mode (as in docker-compose) against a real, if small, OpenID Connect provider on
 * loopback: the portal learns where to sign in without signing in, the API takes the provider's
 * tokens for the app and nothing else, and in a real browser a person signs in at the provider
 * with PKCE, keeps working after her access token is renewed, and signs out there. Its own context
 * and data.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "isms.security.mode=oidc",
      "isms.security.demo-users=false",
      "spring.security.oauth2.resourceserver.jwt.audiences=isms-flow-api",
      "isms.data-dir=${isms.test.data-root:target/test-data}/oidc-${isms.test.run-id:local}"
    })
@ActiveProfiles("it")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OidcPortalIT {

  /** Long enough to sign in, short enough that the portal renews it (30 s before expiry) within the test. */
  static final Duration TOKEN_LIFETIME = Duration.ofSeconds(36);

  static final FakeIdentityProvider provider =
      new FakeIdentityProvider(
          "isms-portal",
          "isms-flow-api",
          TOKEN_LIFETIME,
          List.of(new Person("risk.lena", "Lena Vogt", List.of("risk-owner", "staff")), new Person("ciso.anna", "Anna Berg", List.of("ciso"))));

  @DynamicPropertySource
  static void identityProvider(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", provider::issuer);
  }

  @AfterAll
  static void stopProvider() {
    provider.close();
  }

  @Autowired TestRestTemplate http;

  @LocalServerPort int port;

  @Test
  void theSignInOptionsArePublicAndThePagesMayFetchFromTheProviderOnly() {
    var options = http.getForObject("/api/sign-in", Map.class);
    assertThat(options)
        .containsEntry("mode", "oidc")
        .containsEntry("issuer", provider.issuer())
        .containsEntry("clientId", "isms-portal")
        .containsEntry("scope", "openid profile");
    var csp = http.getForEntity("/api/sign-in", String.class).getHeaders().getFirst("Content-Security-Policy");
    assertThat(csp).contains("connect-src 'self' " + provider.issuer() + ";").contains("default-src 'self'");
  }

  @Test
  void theApiTakesTheProvidersTokensForTheAppAndNeitherPasswordsNorTokensForOthers() {
    var me = call("/api/me", "Bearer " + provider.accessTokenFor("risk.lena", "isms-flow-api"));
    assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me.getBody()).containsEntry("username", "risk.lena").containsEntry("displayName", "Lena Vogt");
    assertThat((List<String>) me.getBody().get("groups")).contains("risk-owner");

    assertThat(call("/api/me", "Bearer " + provider.accessTokenFor("risk.lena", "orchestration-api")).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("risk.ben", "demo").getForEntity("/api/me", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void inTheBrowserAPersonSignsInAtTheProviderKeepsWorkingAfterRenewalIsAskedAgainWhenTheSessionEndsAndSignsOutThere() throws Exception {
    if (OidcPortalIT.class.getResource("/static/index.html") == null) {
      var message = "SKIPPED OIDC portal test: the portal was not built (npm missing: -Dportal.skip=true)";
      System.out.println(message);
      Assumptions.abort(message);
    }
    BrowserTests.assumeAvailable();
    var appUrl = "http://127.0.0.1:" + port;
    provider.allowOrigin(appUrl);
    int signInsBefore = provider.signIns();
    int refreshesBefore = provider.refreshes();
    int signOutsBefore = provider.signOuts();

    var result =
        BrowserTests.run(
            "portal-oidc.mjs",
            Map.of(
                "APP_URL", appUrl,
                "ISSUER", provider.issuer(),
                "USER_NAME", "risk.lena",
                "DISPLAY_NAME", "Lena Vogt",
                "TOKEN_AGE_WAIT_MS", Long.toString(TOKEN_LIFETIME.minusSeconds(29).toMillis())));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(provider.signIns() - signInsBefore).as("sign-ins at the provider (again after the session ended)").isEqualTo(2);
    assertThat(provider.refreshes() - refreshesBefore).as("token renewals").isGreaterThanOrEqualTo(1);
    assertThat(provider.signOuts() - signOutsBefore).as("sign-outs at the provider").isEqualTo(1);
    assertThat(BrowserTests.SCREENSHOTS.resolve("portal-oidc-signed-in.png")).isNotEmptyFile();
  }

  private org.springframework.http.ResponseEntity<Map> call(String path, String authorization) {
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.AUTHORIZATION, authorization);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), Map.class);
  }
}
