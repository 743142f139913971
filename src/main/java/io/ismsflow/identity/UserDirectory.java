package io.ismsflow.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Who is in an ISMS group, as far as the app knows: with local users it knows everyone; with an
 * identity provider (OIDC) people are managed there and the app only sees those who sign in.
 */
@Service
public class UserDirectory {

  private final IdentityProperties properties;

  UserDirectory(IdentityProperties properties) {
    this.properties = properties;
  }

  /** The usernames in the group, sorted; empty when people are managed by an identity provider. */
  public Optional<List<String>> membersOf(String group) {
    if (properties.mode() != IdentityProperties.Mode.LOCAL) {
      return Optional.empty();
    }
    var all = new ArrayList<IdentityProperties.LocalUser>();
    if (properties.demoUsers()) {
      all.addAll(LocalUsers.DEMO);
    }
    all.addAll(properties.users());
    return Optional.of(
        all.stream().filter(u -> u.groups() != null && u.groups().contains(group)).map(IdentityProperties.LocalUser::username).distinct().sorted().toList());
  }

  /** A local user as other local tools need it: name, display name, bcrypt hash, ISMS groups. */
  public record LocalAccount(String username, String displayName, String bcryptHash, List<String> groups) {}

  /**
   * The local users with their bcrypt password hashes ({@code {bcrypt}$2a$...}), for the local
   * Tasklist and Operate to let the same people sign in; empty with an identity provider.
   */
  public List<LocalAccount> localAccounts() {
    if (properties.mode() != IdentityProperties.Mode.LOCAL) {
      return List.of();
    }
    var all = new ArrayList<IdentityProperties.LocalUser>();
    if (properties.demoUsers()) {
      all.addAll(LocalUsers.DEMO);
    }
    all.addAll(properties.users());
    return all.stream()
        .map(
            u ->
                new LocalAccount(
                    u.username(),
                    u.displayName() == null || u.displayName().isBlank() ? u.username() : u.displayName(),
                    u.passwordHash().startsWith("{bcrypt}") ? u.passwordHash() : "{bcrypt}" + u.passwordHash(),
                    u.groups() == null ? List.of() : List.copyOf(u.groups())))
        .toList();
  }

  /** Whether the username is a known local user; true for anyone when an identity provider manages people. */
  public boolean mayExist(String username) {
    if (properties.mode() != IdentityProperties.Mode.LOCAL) {
      return true;
    }
    return (properties.demoUsers() && LocalUsers.DEMO.stream().anyMatch(u -> u.username().equals(username)))
        || properties.users().stream().anyMatch(u -> username.equals(u.username()));
  }
}
