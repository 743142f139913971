package io.ismsflow.identity;

import java.util.LinkedHashSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** The person behind the current request, whatever way they signed in. */
@Component
public class CurrentUser {

  /** The signed-in person; refuses when nobody is signed in. */
  public IsmsUser get() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
      throw new NotSignedInException();
    }
    return from(authentication);
  }

  static IsmsUser from(Authentication authentication) {
    var groups = new LinkedHashSet<String>();
    for (var authority : authentication.getAuthorities()) {
      var name = authority.getAuthority();
      if (name.startsWith("ROLE_")) {
        groups.add(name.substring("ROLE_".length()));
      }
    }
    var displayName = authentication.getName();
    if (authentication instanceof JwtAuthenticationToken jwt && jwt.getToken().hasClaim("name")) {
      displayName = jwt.getToken().getClaimAsString("name");
    } else if (authentication.getPrincipal() instanceof LocalUserDetails local) {
      displayName = local.displayName();
    }
    return new IsmsUser(authentication.getName(), displayName, groups);
  }

  /** Thrown when code that needs a person runs without one. */
  public static class NotSignedInException extends RuntimeException {
    NotSignedInException() {
      super("Nobody is signed in");
    }
  }
}
