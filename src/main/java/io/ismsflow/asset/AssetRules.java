package io.ismsflow.asset;

import io.ismsflow.asset.Asset.AssetType;
import io.ismsflow.asset.Asset.Domain;
import io.ismsflow.platform.InputCheck;
import java.time.Instant;

/** The rules an asset must satisfy, whether it comes from the API or an import. No I/O. */
final class AssetRules {

  static final int MAX_NAME = 200;
  static final int MAX_SITE = 200;
  static final int MAX_ZONE = 100;
  static final int MAX_SUPPLIER = 200;
  static final int MAX_DESCRIPTION = 4000;
  /** CIA, safety and production ratings: 1 (negligible) to 5 (severe). */
  static final int MAX_RATING = 5;
  /** IEC 62443 security levels. */
  static final int MAX_SECURITY_LEVEL = 4;

  private AssetRules() {}

  /**
   * The asset the input describes, or null with the problems in {@code check}.
   *
   * @param pathId the id the request's path names (update), or null (create, import)
   * @param existing the asset as it is now, or null if new
   */
  static Asset validate(AssetInput in, String pathId, Asset existing, Instant now, InputCheck check) {
    var id = check.idMatchingPath(in.id(), pathId, "an asset");
    var name = check.requiredText("name", in.name(), MAX_NAME);
    var type = check.choice("type", in.type(), AssetType.class, true);
    var domain = check.choice("domain", in.domain(), Domain.class, true);
    var site = check.optionalText("site", in.site(), MAX_SITE);
    var zone = check.optionalText("zone", in.zone(), MAX_ZONE);
    var securityLevel = check.number("securityLevelTarget", in.securityLevelTarget(), 1, MAX_SECURITY_LEVEL, false);
    if (domain == Domain.OT) {
      if (zone == null && (in.zone() == null || in.zone().isBlank())) {
        check.problem("zone", "is required for OT assets: the IEC 62443 zone, e.g. Z3-Control");
      }
      if (in.securityLevelTarget() == null) {
        check.problem("securityLevelTarget", "is required for OT assets: the IEC 62443 target security level, 1 to 4");
      }
    }
    var confidentiality = check.number("confidentiality", in.confidentiality(), 1, MAX_RATING, true);
    var integrity = check.number("integrity", in.integrity(), 1, MAX_RATING, true);
    var availability = check.number("availability", in.availability(), 1, MAX_RATING, true);
    var safety = check.number("safetyImpact", in.safetyImpact(), 1, MAX_RATING, true);
    var production = check.number("productionImpact", in.productionImpact(), 1, MAX_RATING, true);
    var owner = check.userName("owner", in.owner(), true);
    var supplier = check.optionalText("supplier", in.supplier(), MAX_SUPPLIER);
    var description = check.optionalText("description", in.description(), MAX_DESCRIPTION);
    if (check.hasProblems()) {
      return null;
    }
    return new Asset(
        id,
        name,
        type,
        domain,
        site,
        zone,
        securityLevel,
        confidentiality,
        integrity,
        availability,
        safety,
        production,
        owner,
        supplier,
        description,
        now,
        existing == null ? null : existing.version());
  }

  /** Whether two assets say the same, whenever and however often they were saved. */
  static boolean sameContent(Asset a, Asset b) {
    return stamped(a, null, null).equals(stamped(b, null, null));
  }

  static Asset stamped(Asset a, Instant updatedAt, Long version) {
    return new Asset(
        a.id(), a.name(), a.type(), a.domain(), a.site(), a.zone(), a.securityLevelTarget(), a.confidentiality(),
        a.integrity(), a.availability(), a.safetyImpact(), a.productionImpact(), a.owner(), a.supplier(),
        a.description(), updatedAt, version);
  }
}
