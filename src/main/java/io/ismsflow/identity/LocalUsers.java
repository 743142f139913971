package io.ismsflow.identity;

import io.ismsflow.platform.StartupException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The local users: the demo set of the sample plant (unless switched off) and those configured. */
class LocalUsers implements UserDetailsService {

  private static final Logger log = LoggerFactory.getLogger(LocalUsers.class);
  private static final Pattern BCRYPT = Pattern.compile("^(\\{bcrypt})?\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}$");
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  /** bcrypt of "demo". */
  static final String DEMO_PASSWORD_HASH = "$2a$10$3eJomhRS4b7nt3qb7QuGHeEdgXTz/H0NmbbhPG0Au0P.B.KgF0mrS";

  /** The demo staff of the sample plant (Riverside Plant), one or more per ISMS group. */
  static final List<IdentityProperties.LocalUser> DEMO =
      List.of(
          demo("ciso.anna", "Anna Berg (CISO)", "ciso"),
          demo("ciso.omar", "Omar Haddad (deputy CISO)", "ciso"),
          demo("risk.ben", "Ben Carter (risk owner, production IT/OT)", "risk-owner", "staff"),
          demo("risk.lena", "Lena Novak (risk owner, plant floor)", "risk-owner", "staff"),
          demo("policy.carla", "Carla Diaz (policy owner)", "policy-owner", "staff"),
          demo("reviewer.dan", "Dan Okafor (reviewer)", "reviewer", "staff"),
          demo("exec.eva", "Eva Lindqvist (managing director)", "executive"),
          demo("secretary.finn", "Finn Murphy (board secretary)", "board-secretary"),
          demo("auditor.gina", "Gina Rossi (internal auditor)", "auditor"),
          demo("staff.hugo", "Hugo Weber (maintenance engineer)", "staff"),
          demo("admin.ida", "Ida Kowalski (ISMS tool admin)", "admin"));

  private final Map<String, LocalUserDetails> users = new LinkedHashMap<>();

  LocalUsers(IdentityProperties properties) {
    var all = new ArrayList<IdentityProperties.LocalUser>();
    if (properties.demoUsers()) {
      all.addAll(DEMO);
    }
    all.addAll(properties.users());
    for (var user : all) {
      var details = validated(user);
      if (users.putIfAbsent(details.getUsername(), details) != null) {
        throw new StartupException(
            "The user '" + user.username() + "' is configured twice", "Give every user in isms.security.users a unique username.");
      }
    }
    if (properties.demoUsers()) {
      log.warn(
          "Identity: DEMO USERS ARE ACTIVE, all with the password 'demo': {}. Anyone who reads the README can sign in."
              + " Set isms.security.demo-users=false (ISMS_SECURITY_DEMO_USERS=false) and configure real users or OIDC"
              + " before real use.",
          DEMO.stream().map(IdentityProperties.LocalUser::username).toList());
    }
    if (users.isEmpty()) {
      log.warn("Identity: no local users are configured; nobody can sign in (isms.security.users)");
    }
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    var user = users.get(username);
    if (user == null) {
      throw new UsernameNotFoundException("No such user");
    }
    // a copy: Spring Security erases the credentials of the instance it authenticated
    return new LocalUserDetails(user.getUsername(), user.getPassword(), user.displayName(), user.getAuthorities());
  }

  private static LocalUserDetails validated(IdentityProperties.LocalUser user) {
    var name = user.username() == null ? "" : user.username();
    if (!USERNAME.matcher(name).matches()) {
      throw new StartupException(
          "The configured user name '" + name + "' is invalid",
          "Use 2-64 lower-case letters, digits, '.', '_' or '-' in isms.security.users[].username.");
    }
    if (user.passwordHash() == null || !BCRYPT.matcher(user.passwordHash()).matches()) {
      throw new StartupException(
          "The password of user '" + name + "' is not a bcrypt hash",
          "Store passwords as bcrypt hashes in isms.security.users[].password-hash (e.g. from 'htpasswd -bnBC 10 \"\" PASSWORD'), never in plain text.");
    }
    if (user.groups() == null || user.groups().isEmpty()) {
      throw new StartupException("The user '" + name + "' has no groups", "Give the user at least one ISMS group.");
    }
    var authorities = new ArrayList<SimpleGrantedAuthority>();
    for (var group : user.groups()) {
      var known =
          IsmsGroup.byName(group)
              .orElseThrow(
                  () ->
                      new StartupException(
                          "The user '" + name + "' is in the unknown group '" + group + "'",
                          "Use the ISMS groups: " + java.util.Arrays.stream(IsmsGroup.values()).map(IsmsGroup::groupName).toList()));
      authorities.add(new SimpleGrantedAuthority(known.authority()));
    }
    var hash = user.passwordHash().startsWith("{bcrypt}") ? user.passwordHash() : "{bcrypt}" + user.passwordHash();
    var displayName = user.displayName() == null || user.displayName().isBlank() ? name : user.displayName();
    return new LocalUserDetails(name, hash, displayName, authorities);
  }

  private static IdentityProperties.LocalUser demo(String username, String displayName, String... groups) {
    return new IdentityProperties.LocalUser(username, DEMO_PASSWORD_HASH, displayName, List.of(groups));
  }
}
