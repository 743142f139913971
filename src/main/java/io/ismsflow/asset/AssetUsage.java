package io.ismsflow.asset;

import java.util.List;

/**
 * Records of other modules that name assets, such as risks. An asset that is named cannot be
 * deleted, so that no record points at an asset that is gone. Implemented by the modules that
 * link assets (the asset module knows none of them).
 */
public interface AssetUsage {

  /** The records that name the asset, e.g. {@code risk R-004}; empty if none. */
  List<String> usedBy(String assetId);
}
