package io.ismsflow.risk.web;

import io.ismsflow.identity.CurrentUser;
import io.ismsflow.risk.SampleRegister;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sample register", description = "The assets and risks of the demo plant, Riverside Plant")
class SampleRegisterController {

  private final SampleRegister sample;
  private final CurrentUser currentUser;

  SampleRegisterController(SampleRegister sample, CurrentUser currentUser) {
    this.sample = sample;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/register/sample")
  @Operation(
      summary = "Load the sample register of Riverside Plant (CISO, admin)",
      description = "Creates the sample's missing assets and risks; loading it again creates nothing. 409 (and nothing"
          + " loaded) if a record of the sample was changed since.")
  SampleRegister.Loaded load() {
    return sample.load(currentUser.get());
  }
}
