package io.ismsflow.asset;

/**
 * An asset as a client or an import row gives it: texts as given, choices by name, ratings as
 * numbers; {@link AssetService} checks it field by field. See {@link Asset} for the meaning.
 *
 * @param id required, e.g. {@code A-001}; on update it may be left out (the path names it)
 * @param type one of {@link Asset.AssetType}, by name
 * @param domain {@code IT} or {@code OT}
 * @param zone IEC 62443 zone; required for OT assets, e.g. {@code Z3-Control}
 * @param securityLevelTarget IEC 62443 SL-T 1..4; required for OT assets
 */
public record AssetInput(
    String id,
    String name,
    String type,
    String domain,
    String site,
    String zone,
    Integer securityLevelTarget,
    Integer confidentiality,
    Integer integrity,
    Integer availability,
    Integer safetyImpact,
    Integer productionImpact,
    String owner,
    String supplier,
    String description) {

  /** The input that describes an asset as it is. */
  public static AssetInput of(Asset asset) {
    return new AssetInput(
        asset.id(),
        asset.name(),
        asset.type() == null ? null : asset.type().name(),
        asset.domain() == null ? null : asset.domain().name(),
        asset.site(),
        asset.zone(),
        asset.securityLevelTarget(),
        asset.confidentiality(),
        asset.integrity(),
        asset.availability(),
        asset.safetyImpact(),
        asset.productionImpact(),
        asset.owner(),
        asset.supplier(),
        asset.description());
  }
}
