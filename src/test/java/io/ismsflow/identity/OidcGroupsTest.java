package io.ismsflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** How a person's groups in a token from the identity provider become ISMS roles. */
class OidcGroupsTest {

  @Test
  void knownGroupsBecomeRolesInPlainOrPathFormAndOthersAreIgnored() {
    var authorities = SecurityConfiguration.groupAuthorities(List.of("ciso", "/plant/risk-owner", "marketing", "/admin"));
    assertThat(authorities).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_ciso", "ROLE_risk-owner", "ROLE_admin");
  }

  @Test
  void theTokenNamesThePersonAndCarriesTheirGroups() {
    var jwt =
        Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .subject("3f1c-uuid")
            .claim("preferred_username", "risk.ben")
            .claim("name", "Ben Carter")
            .claim("groups", List.of("risk-owner", "staff"))
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60))
            .build();

    var authentication = SecurityConfiguration.jwtConverter("groups").convert(jwt);
    var user = CurrentUser.from(authentication);

    assertThat(user.username()).isEqualTo("risk.ben");
    assertThat(user.displayName()).isEqualTo("Ben Carter");
    assertThat(user.groups()).containsExactlyInAnyOrder("risk-owner", "staff");
  }

  @Test
  void aTokenWithoutGroupsGrantsNoRole() {
    var jwt =
        Jwt.withTokenValue("token").header("alg", "RS256").claim("preferred_username", "guest").build();
    assertThat(CurrentUser.from(SecurityConfiguration.jwtConverter("groups").convert(jwt)).groups()).isEmpty();
  }
}
