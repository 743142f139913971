package io.ismsflow.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class RiskReviewScheduleTest {

  @Test
  void theConfiguredScheduleReplacesTheModelsTimerCycle() throws IOException {
    var model = Bpmn.readModelFromStream(new ClassPathResource("bpmn/risk-review.bpmn").getInputStream());

    var changed = new RiskReviewSchedule("0 0 7 1 * *").customize("bpmn/risk-review.bpmn", model);

    assertThat(changed).isTrue();
    assertThat(model.getModelElementsByType(TimerEventDefinition.class))
        .filteredOn(t -> t.getTimeCycle() != null)
        .singleElement()
        .satisfies(t -> assertThat(t.getTimeCycle().getTextContent()).isEqualTo("0 0 7 1 * *"));
  }

  @Test
  void theDefaultScheduleLeavesTheModelAsShipped() throws IOException {
    var model = Bpmn.readModelFromStream(new ClassPathResource("bpmn/risk-review.bpmn").getInputStream());
    assertThat(new RiskReviewSchedule("").customize("bpmn/risk-review.bpmn", model)).isFalse();
    var smoke = Bpmn.readModelFromStream(new ClassPathResource("bpmn/smoke-check.bpmn").getInputStream());
    assertThat(new RiskReviewSchedule("0 0 7 1 * *").customize("bpmn/smoke-check.bpmn", smoke)).isFalse();
  }
}
