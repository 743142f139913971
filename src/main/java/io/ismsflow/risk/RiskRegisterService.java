package io.ismsflow.risk;

import io.ismsflow.asset.AssetService;
import io.ismsflow.audit.AuditEvent;
import io.ismsflow.audit.AuditTrail;
import io.ismsflow.identity.IsmsGroup;
import io.ismsflow.identity.IsmsUser;
import io.ismsflow.platform.CsvTable;
import io.ismsflow.platform.ImportPlan;
import io.ismsflow.platform.ImportResult;
import io.ismsflow.platform.InputCheck;
import io.ismsflow.platform.RequestRefusedException;
import io.ismsflow.risk.Risk.RiskStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * The risk register (ISO/IEC 27001 6.1.2, 8.2) for IT and OT. Everyone signed in reads it; the
 * CISO and admins create, change and close risks; a risk owner changes the risks they own (not
 * their owner, not closing them); auditors change nothing. The inherent and residual scores and
 * levels are always computed with the {@link RiskMatrix}. Every change is on the audit trail.
 *
 * <p>Deleting a risk closes it (status CLOSED): its assessments and audit entries keep pointing at
 * it, and the review cycle treats a closed risk as gone. Lists leave closed risks out unless asked.
 */
@Service
public class RiskRegisterService {

  /** The most rows one import takes. */
  public static final int MAX_IMPORT_ROWS = 5000;

  /**
   * Which risks to list; null means any. Levels and statuses may be lists separated by commas.
   *
   * @param level risk levels, e.g. {@code HIGH,CRITICAL}
   * @param levelOf {@code inherent} (default) or {@code residual}: which level {@code level} means;
   *     risks without a residual rating have no residual level
   * @param zone IEC 62443 zone of a linked asset, case ignored
   * @param overdue {@code true}: only risks whose review date has passed or with an open treatment
   *     action past due; {@code false}: only the others
   * @param status statuses; default all but CLOSED
   */
  public record Filter(
      String level, String levelOf, String owner, String assetId, String zone, String overdue, String status) {

    public static Filter none() {
      return new Filter(null, null, null, null, null, null, null);
    }
  }

  /**
   * How many risks sit in each cell of the matrix.
   *
   * @param kind {@code inherent} or {@code residual}
   * @param total risks placed in a cell
   * @param notRated risks of the selection that have no such rating (no residual rating yet) or
   *     one outside the matrix
   * @param cells every cell of the matrix, likelihood then impact ascending, empty ones included
   */
  public record Heatmap(String kind, int size, int appetite, int total, int notRated, List<Cell> cells) {

    public record Cell(int likelihood, int impact, int score, RiskLevel level, boolean aboveAppetite, int count) {}
  }

  private final RiskRepository risks;
  private final RiskAssessmentRepository assessments;
  private final RiskMatrix matrix;
  private final AssetService assets;
  private final AuditTrail audit;
  private final Clock clock;

  RiskRegisterService(
      RiskRepository risks,
      RiskAssessmentRepository assessments,
      RiskMatrix matrix,
      AssetService assets,
      AuditTrail audit,
      Clock clock) {
    this.risks = risks;
    this.assessments = assessments;
    this.matrix = matrix;
    this.assets = assets;
    this.audit = audit;
    this.clock = clock;
  }

  public List<Risk> list(Filter filter) {
    return all().stream().filter(selection(filter)).toList();
  }

  /** Every risk, closed ones included, by id. */
  public List<Risk> all() {
    return risks.findAll(Sort.by("id"));
  }

  public Risk get(String id) {
    return risks.findById(id).orElseThrow(() -> RequestRefusedException.notFound("There is no risk " + InputCheck.shortened(String.valueOf(id))));
  }

  /** The risk's assessments from its reviews, oldest first; never changed once written. */
  public List<RiskAssessment> assessments(String id) {
    get(id);
    return assessments.findByRiskIdOrderByAtAsc(id);
  }

  public Heatmap heatmap(String kind, Filter filter) {
    var residual =
        switch (kind == null || kind.isBlank() ? "inherent" : kind.strip().toLowerCase(Locale.ROOT)) {
          case "inherent" -> false;
          case "residual" -> true;
          default -> throw invalidParameter("kind", kind, "inherent or residual");
        };
    return heatmapOf(residual, list(filter));
  }

  /** The heat map of the given risks. */
  Heatmap heatmapOf(boolean residual, List<Risk> risks) {
    var size = matrix.size();
    var counts = new int[size + 1][size + 1];
    int total = 0;
    int notRated = 0;
    for (var risk : risks) {
      Integer likelihood = residual ? risk.residualLikelihood() : Integer.valueOf(risk.likelihood());
      Integer impact = residual ? risk.residualImpact() : Integer.valueOf(risk.impact());
      if (likelihood == null || impact == null || !matrix.isInScale(likelihood) || !matrix.isInScale(impact)) {
        notRated++;
        continue;
      }
      counts[likelihood][impact]++;
      total++;
    }
    var cells = new ArrayList<Heatmap.Cell>();
    for (int l = 1; l <= size; l++) {
      for (int i = 1; i <= size; i++) {
        var rating = matrix.rate(l, i);
        cells.add(new Heatmap.Cell(l, i, rating.score(), rating.level(), rating.aboveAppetite(), counts[l][i]));
      }
    }
    return new Heatmap(residual ? "residual" : "inherent", size, matrix.appetite(), total, notRated, cells);
  }

  public Risk create(IsmsUser actor, RiskInput input) {
    requireWriter(actor, "add risks");
    var check = new InputCheck();
    var risk = RiskRules.validate(input, null, null, context(input.assetIds(), Set.of()), check);
    check.refuseIfAny("The risk");
    if (risks.existsById(risk.id())) {
      throw RequestRefusedException.conflict("Risk " + risk.id() + " exists already; change it with PUT /api/risks/" + risk.id());
    }
    Risk saved;
    try {
      saved = risks.insert(risk);
    } catch (DuplicateKeyException createdMeanwhile) {
      throw RequestRefusedException.conflict("Risk " + risk.id() + " exists already");
    }
    record(actor, "risk.created", null, saved);
    return saved;
  }

  /** Replaces a risk's values; see {@link RiskInput} for the fields that keep their value when left out. */
  public Risk update(IsmsUser actor, String id, RiskInput input) {
    var before = get(id);
    var asOwner = requireMayChange(actor, before);
    var check = new InputCheck();
    var assetIds = input.assetIds() != null ? input.assetIds() : before.assetIds();
    var risk = RiskRules.validate(input, id, before, context(assetIds, Set.of()), check);
    check.refuseIfAny("The risk");
    if (asOwner && !before.owner().equals(risk.owner())) {
      throw RequestRefusedException.forbidden("Only the CISO and admins hand a risk to another owner");
    }
    if (asOwner && risk.status() == RiskStatus.CLOSED && before.status() != RiskStatus.CLOSED) {
      throw RequestRefusedException.forbidden("Only the CISO and admins close risks");
    }
    if (RiskRules.sameContent(risk, before)) {
      return before;
    }
    var saved = save(risk);
    record(actor, "risk.updated", before, saved);
    return saved;
  }

  /** Closes a risk (status CLOSED); closing a closed risk changes nothing. */
  public void delete(IsmsUser actor, String id) {
    requireWriter(actor, "close risks");
    var before = get(id);
    if (before.status() == RiskStatus.CLOSED) {
      return;
    }
    var closed =
        new Risk(
            before.id(), before.title(), before.description(), before.assetIds(), before.threat(), before.vulnerability(),
            before.owner(), before.likelihood(), before.impact(), before.inherentScore(), before.inherentLevel(),
            before.treatmentOption(), before.treatmentActions(), before.residualLikelihood(), before.residualImpact(),
            before.residualScore(), before.residualLevel(), before.reviewIntervalDays(), before.nextReviewDate(),
            RiskStatus.CLOSED, before.lastRationale(), before.createdAt(), clock.instant(), before.version());
    var saved = save(closed);
    record(actor, "risk.closed", before, saved);
  }

  /**
   * Reads, checks and plans an import without writing anything (see {@link RiskCsv}).
   *
   * @param assetsToCome asset ids that do not exist yet but will be created with the risks
   */
  public ImportPlan<Risk> planImport(byte[] csv, Set<String> assetsToCome) {
    var table = CsvTable.read(csv, RiskCsv.COLUMNS, MAX_IMPORT_ROWS);
    var existing = risks.findAllById(RiskCsv.ids(table)).stream().collect(Collectors.toMap(Risk::id, Function.identity()));
    return RiskCsv.plan(table, existing, context(RiskCsv.assetIds(table), assetsToCome));
  }

  /** All or nothing: every row is checked first; a bad row refuses the file and nothing is stored. */
  public ImportResult importCsv(IsmsUser actor, byte[] csv) {
    requireWriter(actor, "import risks");
    return apply(actor, planImport(csv, Set.of()));
  }

  /** Writes a checked import; should a write fail halfway, what was written is put back. */
  public ImportResult apply(IsmsUser actor, ImportPlan<Risk> plan) {
    requireWriter(actor, "import risks");
    var written =
        plan.writeTo(
            new ImportPlan.Store<>() {
              public Risk insert(Risk risk) {
                return risks.insert(risk);
              }

              public Risk save(Risk risk) {
                return risks.save(risk);
              }

              public void delete(Risk risk) {
                risks.deleteById(risk.id());
              }

              public Risk restored(ImportPlan.Change<Risk> change) {
                var before = change.before();
                return RiskRules.stamped(before, before.createdAt(), before.updatedAt(), change.after().version());
              }

              public String id(Risk risk) {
                return risk.id();
              }
            },
            "risks");
    written.created().forEach(r -> record(actor, "risk.created", null, r));
    written.updated().forEach(c -> record(actor, "risk.updated", c.before(), c.after()));
    return plan.result();
  }

  public String exportCsv() {
    return RiskCsv.export(all());
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

  /** @return whether the actor may change the risk only as its owner (not as CISO or admin) */
  private static boolean requireMayChange(IsmsUser actor, Risk risk) {
    if (!actor.isIn(IsmsGroup.AUDITOR) && actor.isInAny(IsmsGroup.CISO, IsmsGroup.ADMIN)) {
      return false;
    }
    if (!actor.isIn(IsmsGroup.AUDITOR) && actor.isIn(IsmsGroup.RISK_OWNER) && actor.username().equals(risk.owner())) {
      if (risk.status() == RiskStatus.CLOSED) {
        throw RequestRefusedException.forbidden("Risk " + risk.id() + " is closed; only the CISO and admins reopen risks");
      }
      return true;
    }
    requireWriter(actor, "change risk " + risk.id() + " (its owner " + risk.owner() + " may too)");
    return false;
  }

  private RiskRules.Context context(Collection<String> assetIds, Set<String> assetsToCome) {
    var named = new HashSet<String>();
    if (assetIds != null) {
      assetIds.stream().filter(id -> id != null && InputCheck.ID.matcher(id.strip()).matches()).forEach(id -> named.add(id.strip()));
    }
    var known = new HashSet<>(assets.existingIds(named));
    known.addAll(assetsToCome);
    return new RiskRules.Context(matrix, known, LocalDate.now(clock), clock.instant());
  }

  private Risk save(Risk risk) {
    try {
      return risks.save(risk);
    } catch (OptimisticLockingFailureException changedMeanwhile) {
      throw RequestRefusedException.conflict("Risk " + risk.id() + " was changed by someone else meanwhile; load it again and retry");
    }
  }

  private Predicate<Risk> selection(Filter filter) {
    var check = new InputCheck();
    var levels = choices(check, "level", filter.level(), RiskLevel.class);
    var residual =
        switch (filter.levelOf() == null || filter.levelOf().isBlank() ? "inherent" : filter.levelOf().strip().toLowerCase(Locale.ROOT)) {
          case "inherent" -> false;
          case "residual" -> true;
          default -> {
            check.problem("levelOf", "'" + InputCheck.shortened(filter.levelOf()) + "' is not allowed; use inherent or residual");
            yield false;
          }
        };
    Boolean overdue =
        switch (filter.overdue() == null || filter.overdue().isBlank() ? "" : filter.overdue().strip().toLowerCase(Locale.ROOT)) {
          case "" -> null;
          case "true" -> true;
          case "false" -> false;
          default -> {
            check.problem("overdue", "'" + InputCheck.shortened(filter.overdue()) + "' is not allowed; use true or false");
            yield null;
          }
        };
    var statuses = choices(check, "status", filter.status(), RiskStatus.class);
    var assetId = blankToNull(filter.assetId());
    if (assetId != null && !InputCheck.ID.matcher(assetId).matches()) {
      check.problem("assetId", "'" + InputCheck.shortened(assetId) + "' is not an asset id, e.g. A-001");
    }
    check.refuseIfAny("The filter");
    var owner = blankToNull(filter.owner());
    var zone = blankToNull(filter.zone());
    Set<String> inZone =
        zone == null ? null : assets.list(new AssetService.Filter(null, null, zone, null)).stream().map(a -> a.id()).collect(Collectors.toSet());
    var wanted = statuses.isEmpty() ? EnumSet.complementOf(EnumSet.of(RiskStatus.CLOSED)) : EnumSet.copyOf(statuses);
    var today = LocalDate.now(clock);
    return risk ->
        wanted.contains(risk.status() == null ? RiskStatus.OPEN : risk.status())
            && (levels.isEmpty() || levels.contains(residual ? risk.residualLevel() : risk.inherentLevel()))
            && (owner == null || owner.equals(risk.owner()))
            && (assetId == null || risk.assetIds().contains(assetId))
            && (inZone == null || risk.assetIds().stream().anyMatch(inZone::contains))
            && (overdue == null || overdue == RiskRules.isOverdue(risk, today));
  }

  private static <E extends Enum<E>> Set<E> choices(InputCheck check, String field, String value, Class<E> type) {
    var chosen = new HashSet<E>();
    if (value == null || value.isBlank()) {
      return chosen;
    }
    for (var name : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
      var constant = check.choice(field, name, type, false);
      if (constant != null) {
        chosen.add(constant);
      }
    }
    return chosen;
  }

  private static RequestRefusedException invalidParameter(String name, String value, String allowed) {
    return RequestRefusedException.invalid(
        "Unknown " + name,
        List.of(new RequestRefusedException.FieldProblem(name, "'" + InputCheck.shortened(value) + "' is not allowed; use " + allowed)));
  }

  private void record(IsmsUser actor, String action, Risk before, Risk after) {
    var subject = after != null ? after : before;
    audit.append(new AuditEvent(actor.username(), actor.groupList(), action, "risk", subject.id(), before, after, null, null));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
