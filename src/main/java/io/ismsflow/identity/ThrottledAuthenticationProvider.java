package io.ismsflow.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password sign-in that refuses to try again for a while after repeated failures. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final LoginThrottle throttle;

  ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
    this.passwords = passwords;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    var address =
        authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    var locked = throttle.lockedFor(authentication.getName(), address);
    if (!locked.isZero()) {
      throw new LockedException(
          "Too many failed sign-ins; try again in " + Math.max(1, locked.toMinutes() + 1) + " minutes");
    }
    try {
      var result = passwords.authenticate(authentication);
      throttle.succeeded(authentication.getName(), address);
      return result;
    } catch (BadCredentialsException e) {
      throttle.failed(authentication.getName(), address);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return passwords.supports(authentication);
  }
}
