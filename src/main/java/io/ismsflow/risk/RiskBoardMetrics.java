package io.ismsflow.risk;

import io.ismsflow.asset.Asset;
import io.ismsflow.asset.AssetService;
import io.ismsflow.reporting.BoardMetricsContributor;
import io.ismsflow.reporting.ReportPeriod;
import io.ismsflow.risk.Risk.RiskStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The risk figures of a board report: the register by level (inherent and residual), the heat
 * maps, the top risks with their owners, treatment actions open and overdue, the IT/OT split, and
 * what the risk reviews of the period decided.
 */
@Component
class RiskBoardMetrics implements BoardMetricsContributor {

  private static final int TOP = 5;

  private final RiskRegisterService register;
  private final AssetService assets;
  private final RiskMatrix matrix;
  private final MongoTemplate mongo;
  private final Clock clock;

  RiskBoardMetrics(RiskRegisterService register, AssetService assets, RiskMatrix matrix, MongoTemplate mongo, Clock clock) {
    this.register = register;
    this.assets = assets;
    this.matrix = matrix;
    this.mongo = mongo;
    this.clock = clock;
  }

  @Override
  public String section() {
    return "risks";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public List<Headline> headlines() {
    return List.of(
        new Headline("open", "Open risks", true),
        new Headline("aboveAppetite", "Risks above appetite", true),
        new Headline("highOrCritical", "High and critical risks", true),
        new Headline("treatmentActionsOverdue", "Treatment actions overdue", true),
        new Headline("reviewsOverdue", "Risk reviews overdue", true));
  }

  @Override
  public Map<String, Object> figures(ReportPeriod period) {
    var open = register.all().stream().filter(r -> r.status() != RiskStatus.CLOSED).toList();
    var today = LocalDate.now(clock);
    var figures = new LinkedHashMap<String, Object>();
    figures.put("open", open.size());
    figures.put("byInherentLevel", countByLevel(open, Risk::inherentLevel));
    figures.put("byResidualLevel", countByLevel(open.stream().filter(r -> r.residualLevel() != null).toList(), Risk::residualLevel));
    figures.put("aboveAppetite", open.stream().filter(r -> r.currentScore() > matrix.appetite()).count());
    figures.put("appetite", matrix.appetite());
    figures.put("highOrCritical", open.stream().filter(r -> matrix.level(r.currentScore()).ordinal() >= RiskLevel.HIGH.ordinal()).count());
    figures.put("matrixSize", matrix.size());
    figures.put("heatmapInherent", cells(register.heatmapOf(false, open)));
    figures.put("heatmapResidual", cells(register.heatmapOf(true, open)));
    figures.put(
        "topRisks",
        open.stream()
            .sorted(Comparator.comparingInt(Risk::currentScore).reversed().thenComparing(Risk::id))
            .limit(TOP)
            .map(r -> Map.of("id", r.id(), "title", r.title(), "owner", r.owner(), "score", r.currentScore(), "level", matrix.level(r.currentScore()).name()))
            .toList());
    var actions = open.stream().flatMap(r -> r.treatmentActions().stream()).toList();
    figures.put("treatmentActionsOpen", actions.stream().filter(a -> a.status() == Risk.TreatmentAction.ActionStatus.OPEN).count());
    figures.put("treatmentActionsOverdue", actions.stream().filter(a -> a.isOverdue(today)).count());
    figures.put("reviewsOverdue", open.stream().filter(r -> r.nextReviewDate() != null && r.nextReviewDate().isBefore(today)).count());
    figures.put("itOtSplit", itOtSplit(open));
    figures.put("reviewsInPeriod", reviews(period));
    return figures;
  }

  private static Map<String, Long> countByLevel(List<Risk> risks, Function<Risk, RiskLevel> level) {
    var counts = new LinkedHashMap<String, Long>();
    for (var each : RiskLevel.values()) {
      counts.put(each.name(), risks.stream().filter(r -> level.apply(r) == each).count());
    }
    return counts;
  }

  private static List<Map<String, Object>> cells(RiskRegisterService.Heatmap heatmap) {
    return heatmap.cells().stream()
        .map(c -> Map.<String, Object>of("likelihood", c.likelihood(), "impact", c.impact(), "count", c.count(), "level", c.level().name()))
        .toList();
  }

  /** Risks touching OT (at least one OT asset), IT only, and without linked assets. */
  private Map<String, Long> itOtSplit(List<Risk> risks) {
    var domains = assets.all().stream().collect(java.util.stream.Collectors.toMap(Asset::id, Asset::domain));
    var split = new LinkedHashMap<String, Long>();
    split.put("OT", risks.stream().filter(r -> r.assetIds().stream().anyMatch(id -> domains.get(id) == Asset.Domain.OT)).count());
    split.put(
        "IT",
        risks.stream()
            .filter(r -> !r.assetIds().isEmpty() && r.assetIds().stream().noneMatch(id -> domains.get(id) == Asset.Domain.OT))
            .count());
    split.put("noAssets", risks.stream().filter(r -> r.assetIds().isEmpty()).count());
    return split;
  }

  private Map<String, Object> reviews(ReportPeriod period) {
    var summaries =
        mongo.findAll(Document.class, RiskReviewService.SUMMARIES).stream()
            .filter(d -> d.getDate("completedAt") != null && period.contains(d.getDate("completedAt").toInstant().atZone(ZoneOffset.UTC).toLocalDate()))
            .toList();
    var newHigh = new TreeSet<String>();
    summaries.forEach(d -> newHigh.addAll(d.getList("newHighRisks", String.class, List.of())));
    return Map.of(
        "completed", summaries.size(),
        "risksReviewed", summaries.stream().mapToInt(d -> d.getInteger("risksReviewed", 0)).sum(),
        "escalations", summaries.stream().mapToInt(d -> d.getInteger("escalations", 0)).sum(),
        "newHighRisks", List.copyOf(newHigh));
  }
}
