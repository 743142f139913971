package io.ismsflow.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The ISMS process models ({@code bpmn/*.bpmn}) and their forms ({@code forms/*.form}) as shipped
 * with the app: read once at startup, deployed by {@link ProcessModelDeployer}, and used to name
 * tasks and validate form input.
 */
@Component
class ProcessModels {

  /** A resource to deploy: its name as the broker will report it, and its bytes. */
  record ModelResource(String name, byte[] content) {}

  private final List<ModelResource> resources;
  private final Set<String> processIds = new TreeSet<>();
  private final Map<String, String> elementNames = new HashMap<>();
  private final Map<String, String> elementForms = new HashMap<>();
  private final Map<String, Set<String>> startableBy = new HashMap<>();
  private final Map<String, FormSchema> forms = new HashMap<>();
  private final Map<String, byte[]> modelXml = new HashMap<>();
  private final Map<String, com.fasterxml.jackson.databind.JsonNode> formDocuments = new HashMap<>();

  static final List<String> SHIPPED = List.of("classpath*:bpmn/*.bpmn", "classpath*:forms/*.form");

  @Autowired
  ProcessModels(ResourcePatternResolver resolver, ObjectMapper json, List<ProcessModelCustomizer> customizers)
      throws IOException {
    this(resolver, json, SHIPPED, customizers);
  }

  /** Models from other locations, {@code classpath*:<folder>/*.<ending>} each, as they are. */
  static ProcessModels from(ResourcePatternResolver resolver, ObjectMapper json, List<String> patterns) throws IOException {
    return new ProcessModels(resolver, json, patterns, List.of());
  }

  private ProcessModels(
      ResourcePatternResolver resolver, ObjectMapper json, List<String> patterns, List<ProcessModelCustomizer> customizers)
      throws IOException {
    var found = new ArrayList<ModelResource>();
    for (var pattern : patterns) {
      var matches = new ArrayList<>(List.of(resolver.getResources(pattern)));
      matches.sort(Comparator.comparing(Resource::getFilename));
      for (var resource : matches) {
        var folder = pattern.substring("classpath*:".length(), pattern.indexOf('/'));
        var name = folder + "/" + resource.getFilename();
        found.add(new ModelResource(name, customized(name, resource.getContentAsByteArray(), customizers)));
      }
    }
    resources = List.copyOf(found);
    for (var resource : resources) {
      if (resource.name().endsWith(".bpmn")) {
        indexModel(resource);
      } else {
        var document = json.readTree(resource.content());
        var form = FormSchema.parse(resource.name(), document);
        forms.put(form.id(), form);
        formDocuments.put(form.id(), document);
      }
    }
  }

  List<ModelResource> resources() {
    return resources;
  }

  boolean isProcess(String bpmnProcessId) {
    return processIds.contains(bpmnProcessId);
  }

  Set<String> processIds() {
    return processIds;
  }

  /** The element's name in the model, else its id. */
  String elementName(String bpmnProcessId, String elementId) {
    return elementNames.getOrDefault(bpmnProcessId + "/" + elementId, elementId);
  }

  /** The BPMN of the model that holds the process, as deployed (to draw it, e.g. with bpmn-js). */
  Optional<byte[]> modelXml(String bpmnProcessId) {
    return Optional.ofNullable(modelXml.get(bpmnProcessId));
  }

  /** The ids of the deployed forms. */
  java.util.Set<String> formIds() {
    return java.util.Set.copyOf(forms.keySet());
  }

  /** The Camunda Form as deployed, for a form renderer (form-js). */
  Optional<com.fasterxml.jackson.databind.JsonNode> formDocument(String formId) {
    return Optional.ofNullable(formDocuments.get(formId));
  }

  Optional<FormSchema> form(String formId) {
    return Optional.ofNullable(forms.get(formId));
  }

  /** The id of a user task's linked form ({@code zeebe:formDefinition formId} in the model). */
  Optional<String> formIdOf(String bpmnProcessId, String elementId) {
    return Optional.ofNullable(elementForms.get(bpmnProcessId + "/" + elementId));
  }

  /** The linked form of a user task. */
  Optional<FormSchema> formOf(String bpmnProcessId, String elementId) {
    return formIdOf(bpmnProcessId, elementId).flatMap(this::form);
  }

  private static byte[] customized(String name, byte[] content, List<ProcessModelCustomizer> customizers) {
    if (!name.endsWith(".bpmn") || customizers.isEmpty()) {
      return content;
    }
    try {
      var model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
      var changed = false;
      for (var customizer : customizers) {
        changed |= customizer.customize(name, model);
      }
      return changed ? Bpmn.convertToString(model).getBytes(java.nio.charset.StandardCharsets.UTF_8) : content;
    } catch (RuntimeException e) {
      throw new ModelDeploymentException("The process model " + name + " cannot be prepared: " + e.getMessage(), e);
    }
  }

  private void indexModel(ModelResource resource) {
    try {
      var model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.content()));
      for (var process : model.getModelElementsByType(Process.class)) {
        if (process.isExecutable()) {
          processIds.add(process.getId());
          modelXml.put(process.getId(), resource.content());
          startableBy.put(process.getId(), startGroups(process));
          elementNames.put(key(process, process.getId()), nameOrId(process.getName(), process.getId()));
        }
      }
      for (var element : model.getModelElementsByType(FlowElement.class)) {
        var process = enclosingProcess(element);
        if (process == null) {
          continue;
        }
        elementNames.put(key(process, element.getId()), nameOrId(element.getName(), element.getId()));
        var form = element.getSingleExtensionElement(ZeebeFormDefinition.class);
        if (form != null && form.getFormId() != null && !form.getFormId().isBlank()) {
          elementForms.put(key(process, element.getId()), form.getFormId());
        }
      }
    } catch (RuntimeException e) {
      throw new ModelDeploymentException(
          "The process model " + resource.name() + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * The groups that may start a process on demand: the process's {@code isms.startableBy}
   * property (comma-separated group names), else the CISO and admins.
   */
  Set<String> startableBy(String bpmnProcessId) {
    return startableBy.getOrDefault(bpmnProcessId, DEFAULT_STARTERS);
  }

  private static final Set<String> DEFAULT_STARTERS = Set.of("ciso", "admin");

  private static Set<String> startGroups(Process process) {
    var properties = process.getSingleExtensionElement(ZeebeProperties.class);
    if (properties == null) {
      return DEFAULT_STARTERS;
    }
    return properties.getProperties().stream()
        .filter(p -> "isms.startableBy".equals(p.getName()) && p.getValue() != null)
        .findFirst()
        .map(p -> Set.copyOf(java.util.Arrays.stream(p.getValue().split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList()))
        .orElse(DEFAULT_STARTERS);
  }

  private static Process enclosingProcess(ModelElementInstance element) {
    var current = element.getParentElement();
    while (current != null && !(current instanceof Process)) {
      current = current.getParentElement();
    }
    return (Process) current;
  }

  private static String key(Process process, String elementId) {
    return process.getId() + "/" + elementId;
  }

  private static String nameOrId(String name, String id) {
    return name == null || name.isBlank() ? id : name.strip();
  }

}
