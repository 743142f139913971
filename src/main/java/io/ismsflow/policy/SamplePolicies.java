package io.ismsflow.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ismsflow.policy.Policy.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The sample plant's policy set, shipped in {@code samples/riverside-plant/policies/}. */
@Component
class SamplePolicies {

  private static final String FOLDER = "samples/riverside-plant/policies/";

  private final ObjectMapper json;

  SamplePolicies(ObjectMapper json) {
    this.json = json;
  }

  List<PolicyService.NewPolicy> read() {
    try {
      var index = json.readValue(new ClassPathResource(FOLDER + "index.json").getInputStream(), List.class);
      var sample = new ArrayList<PolicyService.NewPolicy>();
      for (var entry : index) {
        var item = (Map<String, Object>) entry;
        var content = new ClassPathResource(FOLDER + item.get("file")).getContentAsString(StandardCharsets.UTF_8);
        sample.add(
            new PolicyService.NewPolicy(
                (String) item.get("id"),
                (String) item.get("title"),
                Category.valueOf((String) item.get("category")),
                (String) item.get("owner"),
                (Integer) item.get("reviewIntervalMonths"),
                List.of("Riverside"),
                content));
      }
      return sample;
    } catch (IOException e) {
      throw new UncheckedIOException("The sample policies cannot be read", e);
    }
  }
}
