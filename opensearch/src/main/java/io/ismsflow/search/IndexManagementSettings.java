package io.ismsflow.search;

import java.util.List;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Setting.Property;
import org.opensearch.plugins.Plugin;

/**
 * Declares the two index settings of OpenSearch's index-management plugin that Camunda Tasklist
 * 8.6 writes when it creates its indices ({@code index.plugins.index_state_management.policy_id},
 * {@code ...auto_manage}). That plugin is not on Maven Central; without the settings being known,
 * OpenSearch refuses Tasklist's indices ("unknown setting") and Tasklist does not start. The
 * settings are only stored: no index lifecycle runs locally (nothing is archived or deleted).
 */
public class IndexManagementSettings extends Plugin {

  static final Setting<String> POLICY_ID =
      Setting.simpleString("index.plugins.index_state_management.policy_id", Property.IndexScope, Property.Dynamic);
  static final Setting<Boolean> AUTO_MANAGE =
      Setting.boolSetting("index.plugins.index_state_management.auto_manage", true, Property.IndexScope, Property.Dynamic);

  @Override
  public List<Setting<?>> getSettings() {
    return List.of(POLICY_ID, AUTO_MANAGE);
  }
}
