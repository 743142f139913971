package io.ismsflow.engine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Where people find Camunda Operate and Tasklist: the local ones when they run next to the broker,
 * else those configured ({@code isms.engine.operate-url}, {@code isms.engine.tasklist-url}, e.g. of
 * the production cluster); none when neither.
 */
@Service
public class EngineLinks {

  /** The two URLs; null where unknown. */
  public record Links(String operate, String tasklist) {}

  private final ObjectProvider<LocalWebapps> local;
  private final String operateUrl;
  private final String tasklistUrl;

  EngineLinks(
      ObjectProvider<LocalWebapps> local,
      @Value("${isms.engine.operate-url:}") String operateUrl,
      @Value("${isms.engine.tasklist-url:}") String tasklistUrl) {
    this.local = local;
    this.operateUrl = operateUrl;
    this.tasklistUrl = tasklistUrl;
  }

  public Links links() {
    var webapps = local.getIfAvailable();
    if (webapps != null) {
      return new Links(webapps.operateUrl().toString(), webapps.tasklistUrl().toString());
    }
    return new Links(operateUrl.isBlank() ? null : operateUrl, tasklistUrl.isBlank() ? null : tasklistUrl);
  }
}
