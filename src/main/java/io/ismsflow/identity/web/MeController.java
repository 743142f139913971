package io.ismsflow.identity.web;

import io.ismsflow.identity.CurrentUser;
import io.ismsflow.identity.IsmsUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Identity")
class MeController {

  /** The signed-in person, as the portal shows them. */
  record Me(String username, String displayName, List<String> groups) {}

  private final CurrentUser currentUser;

  MeController(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @GetMapping("/api/me")
  @Operation(summary = "Who you are signed in as, and your ISMS groups")
  Me me() {
    IsmsUser user = currentUser.get();
    return new Me(user.username(), user.displayName(), user.groupList());
  }
}
