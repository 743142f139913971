package io.ismsflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(IsmsFlowApplication.class);

  @Test
  void modulesUseOnlyEachOthersPublicApiAndHaveNoCycles() {
    modules.verify();
  }

  @Test
  void everyTopLevelPackageIsAModule() {
    assertThat(modules.stream().map(ApplicationModule::getName))
        .contains("engine", "recordstore", "smoke", "platform");
  }
}
