package io.ismsflow.asset;

import io.ismsflow.asset.Asset.AssetType;
import io.ismsflow.asset.Asset.Domain;
import io.ismsflow.audit.AuditEvent;
import io.ismsflow.audit.AuditTrail;
import io.ismsflow.identity.IsmsGroup;
import io.ismsflow.identity.IsmsUser;
import io.ismsflow.platform.CsvTable;
import io.ismsflow.platform.ImportPlan;
import io.ismsflow.platform.ImportResult;
import io.ismsflow.platform.InputCheck;
import io.ismsflow.platform.RequestRefusedException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * The asset register: IT and OT assets of the plant. Everyone signed in reads it; the CISO and
 * admins change it (auditors never). Every change is on the audit trail with before and after.
 */
@Service
public class AssetService {

  /** The most rows one import takes. */
  public static final int MAX_IMPORT_ROWS = 5000;

  /**
   * Which assets to list; null means any.
   *
   * @param zone IEC 62443 zone, case ignored
   */
  public record Filter(String domain, String type, String zone, String owner) {}

  private final AssetRepository assets;
  private final Supplier<List<AssetUsage>> usages;
  private final AuditTrail audit;
  private final Clock clock;

  @Autowired
  AssetService(AssetRepository assets, ObjectProvider<AssetUsage> usages, AuditTrail audit, Clock clock) {
    this(assets, () -> usages.orderedStream().toList(), audit, clock);
  }

  AssetService(AssetRepository assets, Supplier<List<AssetUsage>> usages, AuditTrail audit, Clock clock) {
    this.assets = assets;
    this.usages = usages;
    this.audit = audit;
    this.clock = clock;
  }

  public List<Asset> list(Filter filter) {
    var check = new InputCheck();
    var domain = check.choice("domain", filter.domain(), Domain.class, false);
    var type = check.choice("type", filter.type(), AssetType.class, false);
    check.refuseIfAny("The filter");
    var zone = blankToNull(filter.zone());
    var owner = blankToNull(filter.owner());
    return all().stream()
        .filter(a -> domain == null || a.domain() == domain)
        .filter(a -> type == null || a.type() == type)
        .filter(a -> zone == null || zone.equalsIgnoreCase(a.zone()))
        .filter(a -> owner == null || owner.equals(a.owner()))
        .toList();
  }

  /** Every asset, by id. */
  public List<Asset> all() {
    return assets.findAll(Sort.by("id"));
  }

  public Asset get(String id) {
    return assets.findById(id).orElseThrow(() -> RequestRefusedException.notFound("There is no asset " + shortened(id)));
  }

  /** The ids among these that name existing assets. */
  public Set<String> existingIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return assets.findByIdIn(ids).stream().map(Asset::id).collect(Collectors.toSet());
  }

  /** The assets with these ids that exist, by id. */
  public Map<String, Asset> byIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return assets.findByIdIn(ids).stream().collect(Collectors.toMap(Asset::id, Function.identity()));
  }

  public Asset create(IsmsUser actor, AssetInput input) {
    requireWriter(actor, "add assets");
    var check = new InputCheck();
    var asset = AssetRules.validate(input, null, null, clock.instant(), check);
    check.refuseIfAny("The asset");
    if (assets.existsById(asset.id())) {
      throw RequestRefusedException.conflict("Asset " + asset.id() + " exists already; change it with PUT /api/assets/" + asset.id());
    }
    Asset saved;
    try {
      saved = assets.insert(asset);
    } catch (DuplicateKeyException createdMeanwhile) {
      throw RequestRefusedException.conflict("Asset " + asset.id() + " exists already");
    }
    record(actor, "asset.created", null, saved);
    return saved;
  }

  public Asset update(IsmsUser actor, String id, AssetInput input) {
    requireWriter(actor, "change assets");
    var before = get(id);
    var check = new InputCheck();
    var asset = AssetRules.validate(input, id, before, clock.instant(), check);
    check.refuseIfAny("The asset");
    if (AssetRules.sameContent(asset, before)) {
      return before;
    }
    Asset saved;
    try {
      saved = assets.save(asset);
    } catch (OptimisticLockingFailureException changedMeanwhile) {
      throw RequestRefusedException.conflict("Asset " + id + " was changed by someone else meanwhile; load it again and retry");
    }
    record(actor, "asset.updated", before, saved);
    return saved;
  }

  /** Deletes an asset that no record names; refuses (409) one that is still linked, e.g. to a risk. */
  public void delete(IsmsUser actor, String id) {
    requireWriter(actor, "delete assets");
    var before = get(id);
    var users = usages.get().stream().flatMap(u -> u.usedBy(id).stream()).sorted().toList();
    if (!users.isEmpty()) {
      throw RequestRefusedException.conflict(
          "Asset " + id + " cannot be deleted: " + String.join(", ", users) + " name it. Unlink it from them first.");
    }
    assets.deleteById(id);
    record(actor, "asset.deleted", before, null);
  }

  /** Reads, checks and plans an import without writing anything (see {@link AssetCsv}). */
  public ImportPlan<Asset> planImport(byte[] csv) {
    var table = CsvTable.read(csv, AssetCsv.COLUMNS, MAX_IMPORT_ROWS);
    return AssetCsv.plan(table, byIds(AssetCsv.ids(table)), clock.instant());
  }

  /** All or nothing: every row is checked first; a bad row refuses the file and nothing is stored. */
  public ImportResult importCsv(IsmsUser actor, byte[] csv) {
    requireWriter(actor, "import assets");
    return apply(actor, planImport(csv));
  }

  /** Writes a checked import; should a write fail halfway, what was written is put back. */
  public ImportResult apply(IsmsUser actor, ImportPlan<Asset> plan) {
    requireWriter(actor, "import assets");
    var written =
        plan.writeTo(
            new ImportPlan.Store<>() {
              public Asset insert(Asset asset) {
                return assets.insert(asset);
              }

              public Asset save(Asset asset) {
                return assets.save(asset);
              }

              public void delete(Asset asset) {
                assets.deleteById(asset.id());
              }

              public Asset restored(ImportPlan.Change<Asset> change) {
                return AssetRules.stamped(change.before(), change.before().updatedAt(), change.after().version());
              }

              public String id(Asset asset) {
                return asset.id();
              }
            },
            "assets");
    written.created().forEach(a -> record(actor, "asset.created", null, a));
    written.updated().forEach(c -> record(actor, "asset.updated", c.before(), c.after()));
    return plan.result();
  }

  public String exportCsv() {
    return AssetCsv.export(all());
  }

  /** The CISO and admins change the register; auditors, whatever else they are, only read it. */
  static void requireWriter(IsmsUser actor, String what) {
    if (actor.isIn(IsmsGroup.AUDITOR)) {
      throw RequestRefusedException.forbidden("Auditors read the register and change nothing; you (" + actor.username() + ") are an auditor");
    }
    if (!actor.isInAny(IsmsGroup.CISO, IsmsGroup.ADMIN)) {
      throw RequestRefusedException.forbidden(
          "Only the CISO and admins may " + what + "; you (" + actor.username() + ") are in " + actor.groupList());
    }
  }

  private void record(IsmsUser actor, String action, Asset before, Asset after) {
    var subject = after != null ? after : before;
    audit.append(new AuditEvent(actor.username(), actor.groupList(), action, "asset", subject.id(), before, after, null, null));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String shortened(String value) {
    return InputCheck.shortened(String.valueOf(value));
  }
}
