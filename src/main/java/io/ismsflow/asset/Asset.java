package io.ismsflow.asset;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An information asset of the plant, IT or OT alike. OT assets carry their IEC 62443 zone and
 * target security level; every asset its CIA criticality and its safety and production impact.
 *
 * @param id short identifier, e.g. {@code A-001}
 * @param zone IEC 62443 zone or conduit (OT), e.g. {@code Z2-Control}
 * @param securityLevelTarget IEC 62443 SL-T 1..4 (OT), else null
 * @param confidentiality 1..5
 * @param integrity 1..5
 * @param availability 1..5
 * @param safetyImpact 1..5: harm to people or the environment if the asset fails or is misused
 * @param productionImpact 1..5: loss of production if the asset fails
 * @param owner user name of the asset owner
 * @param supplier the supplier that maintains or connects to it, if any
 */
@Document("assets")
public record Asset(
    @Id String id,
    String name,
    AssetType type,
    Domain domain,
    String site,
    String zone,
    Integer securityLevelTarget,
    int confidentiality,
    int integrity,
    int availability,
    int safetyImpact,
    int productionImpact,
    String owner,
    String supplier,
    String description,
    Instant updatedAt,
    @Version Long version) {

  public enum Domain {
    IT,
    OT
  }

  public enum AssetType {
    MES,
    ERP,
    SCADA_HMI,
    PLC,
    HISTORIAN,
    ENGINEERING_WORKSTATION,
    NETWORK_DEVICE,
    CLOUD_SERVICE,
    SUPPLIER_CONNECTION,
    SERVER,
    WORKSTATION,
    APPLICATION,
    OTHER
  }

  /** The highest of its CIA, safety and production ratings. */
  public int criticality() {
    return Math.max(
        Math.max(Math.max(confidentiality, integrity), availability), Math.max(safetyImpact, productionImpact));
  }
}
