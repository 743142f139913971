package io.ismsflow.identity;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A local user (from configuration) with a display name. */
class LocalUserDetails extends User {

  private final String displayName;

  LocalUserDetails(String username, String passwordHash, String displayName, Collection<? extends GrantedAuthority> authorities) {
    super(username, passwordHash, authorities);
    this.displayName = displayName;
  }

  String displayName() {
    return displayName;
  }
}
