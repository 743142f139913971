package io.ismsflow.identity.web;

import io.ismsflow.identity.SignInOptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Identity")
class SignInController {

  private final SignInOptions options;

  SignInController(SignInOptions options) {
    this.options = options;
  }

  @GetMapping("/api/sign-in")
  @Operation(summary = "How to sign in (user name and password, or the identity provider); needs no sign-in")
  SignInOptions options() {
    return options;
  }
}
