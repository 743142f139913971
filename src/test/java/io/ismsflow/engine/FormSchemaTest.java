package io.ismsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormSchemaTest {

  private final ObjectMapper json = new ObjectMapper();

  private final FormSchema form =
      parse(
          """
          {"id": "risk-assessment", "components": [
            {"type": "text", "text": "intro"},
            {"type": "number", "key": "likelihood", "label": "Likelihood", "validate": {"required": true, "min": 1, "max": 5}},
            {"type": "select", "key": "treatment", "label": "Treatment",
             "values": [{"label": "Mitigate", "value": "mitigate"}, {"label": "Accept", "value": "accept"}]},
            {"type": "group", "components": [
              {"type": "textfield", "key": "owner", "label": "Owner", "validate": {"required": true, "maxLength": 10, "pattern": "[a-z.]+"}},
              {"type": "textfield", "key": "mail", "label": "Mail", "validate": {"validationType": "email"}}
            ]},
            {"type": "checkbox", "key": "accepted", "label": "Accepted", "validate": {"required": true}},
            {"type": "checklist", "key": "zones", "label": "Zones", "values": [{"value": "L1"}, {"value": "L2"}]}
          ]}
          """);

  @Test
  void collectsInputFieldsIncludingThoseInGroups() {
    assertThat(form.id()).isEqualTo("risk-assessment");
    assertThat(form.fields()).containsOnlyKeys("likelihood", "treatment", "owner", "mail", "accepted", "zones");
  }

  @Test
  void acceptsValuesThatFollowEveryRule() {
    assertThat(form.validate(valid())).isEmpty();
  }

  @Test
  void reportsEachBrokenRuleByField() {
    var values = valid();
    values.put("likelihood", 7);
    values.put("treatment", "ignore");
    values.put("owner", "Not.Lower");
    values.put("mail", "no-at-sign");
    values.put("accepted", false);
    values.put("zones", List.of("L9"));
    values.put("surprise", "x");

    assertThat(form.validate(values))
        .extracting(FormSchema.Violation::field, FormSchema.Violation::message)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("likelihood", "Likelihood must be at most 5"),
            org.assertj.core.groups.Tuple.tuple("treatment", "Treatment must be one of [mitigate, accept]"),
            org.assertj.core.groups.Tuple.tuple("owner", "Owner does not have the expected format"),
            org.assertj.core.groups.Tuple.tuple("mail", "Mail must be an e-mail address"),
            org.assertj.core.groups.Tuple.tuple("accepted", "Accepted is required"),
            org.assertj.core.groups.Tuple.tuple("zones", "Zones may only contain [L1, L2]"),
            org.assertj.core.groups.Tuple.tuple("surprise", "is not a field of the form 'risk-assessment'"));
  }

  @Test
  void requiredFieldsMustBeThereAndTypesMustMatch() {
    var values = valid();
    values.remove("owner");
    values.put("likelihood", "three");
    assertThat(form.validate(values))
        .extracting(FormSchema.Violation::message)
        .containsExactlyInAnyOrder("Owner is required", "Likelihood must be a number");
  }

  @Test
  void aFormWithoutIdIsRefused() {
    assertThatThrownBy(() -> parse("{\"components\": []}"))
        .isInstanceOf(ModelDeploymentException.class)
        .hasMessageContaining("test.form");
  }

  private Map<String, Object> valid() {
    var values = new HashMap<String, Object>();
    values.put("likelihood", 3);
    values.put("treatment", "mitigate");
    values.put("owner", "risk.owner");
    values.put("mail", "owner@plant.example");
    values.put("accepted", true);
    values.put("zones", List.of("L1"));
    return values;
  }

  private FormSchema parse(String text) {
    try {
      return FormSchema.parse("test.form", json.readTree(text));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
