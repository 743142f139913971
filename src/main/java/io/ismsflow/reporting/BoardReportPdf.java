package io.ismsflow.reporting;

import io.ismsflow.reporting.PdfCanvas.Palette;
import java.awt.Color;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders a board report as a PDF a board member reads in five minutes: a one-page summary first
 * (posture, headline figures with their change since the last report, key messages, decisions
 * requested), then the heat maps and trends, then the top risks and each section's details.
 */
@Component
class BoardReportPdf {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  byte[] render(ReportContent content) {
    try (var pdf = new PdfCanvas(content.title(), "Security posture report " + content.periodLabel())) {
      summaryPage(pdf, content);
      pdf.newPage();
      heatmaps(pdf, content);
      trends(pdf, content);
      itOtSplit(pdf, content);
      pdf.newPage();
      topRisks(pdf, content);
      commentarySection(pdf, "Recommendations", content.commentary() == null ? null : content.commentary().recommendations());
      reviews(pdf, content);
      otherSections(pdf, content);
      signOffs(pdf, content);
      return pdf.finish(
          content.reportId() + " version " + content.version() + (content.isFinal() ? " (final)" : " (DRAFT)")
              + " - confidential: for executive leadership and the board");
    }
  }

  private void summaryPage(PdfCanvas pdf, ReportContent content) {
    var top = PdfCanvas.HEIGHT - PdfCanvas.MARGIN;
    pdf.box(0, top - 62, PdfCanvas.WIDTH, 62 + PdfCanvas.MARGIN, Palette.BAND);
    var kicker = "SECURITY POSTURE REPORT" + (content.organization().isBlank() ? "" : " - " + content.organization().toUpperCase());
    pdf.text(PdfCanvas.MARGIN, top - 14, kicker, pdf.bold, 9, Color.WHITE);
    pdf.text(PdfCanvas.MARGIN, top - 44, content.title(), pdf.bold, 22, Color.WHITE);
    pdf.moveDown(62 + 20);
    pdf.text(
        PdfCanvas.MARGIN,
        pdf.y(),
        "Period " + content.periodFrom() + " to " + content.periodTo() + "   |   " + content.reportId() + ", version " + content.version()
            + "   |   generated " + STAMP.format(content.generatedAt()),
        pdf.regular,
        9,
        Palette.MUTED);
    pdf.moveDown(18);
    if (content.isFinal() && content.signOff() != null) {
      pdf.text(
          PdfCanvas.MARGIN, pdf.y(), "FINAL - signed off by " + content.signOff().by() + " on " + DAY.format(content.signOff().at()) + " for executive leadership",
          pdf.bold, 10, Palette.GOOD);
    } else {
      pdf.text(PdfCanvas.MARGIN, pdf.y(), "DRAFT - not yet signed off by executive leadership", pdf.bold, 10, Palette.DRAFT);
    }
    pdf.moveDown(14);
    posture(pdf, content);
    tiles(pdf, content);
    commentarySection(pdf, "Key messages", content.commentary() == null ? null : content.commentary().keyMessages());
    pdf.heading("Decisions requested from the board", 13);
    var requested = content.commentary() == null ? List.<String>of() : content.commentary().decisionsRequested();
    if (requested == null || requested.isEmpty()) {
      pdf.paragraph(content.commentary() == null ? "To be set out in the CISO's commentary." : "None in this period.", pdf.regular, 10, Palette.MUTED, 0);
    } else {
      pdf.bullets(requested, 10);
    }
    var comparison = content.comparison();
    if (comparison != null && comparison.newTopRisks() != null && !comparison.newTopRisks().isEmpty()) {
      pdf.moveDown(4);
      pdf.paragraph("New among the top risks since " + comparison.previousTitle() + ": " + String.join(", ", comparison.newTopRisks()) + ".", pdf.regular, 10, Palette.INK, 0);
    }
  }

  private void posture(PdfCanvas pdf, ReportContent content) {
    var rating = content.commentary() == null ? null : content.commentary().postureRating();
    var color =
        switch (rating == null ? "" : rating) {
          case "strong" -> Palette.GOOD;
          case "adequate" -> Palette.ACCENT;
          case "needs-improvement" -> Palette.DRAFT;
          case "weak" -> Palette.BAD;
          default -> Palette.MUTED;
        };
    pdf.ensure(34);
    pdf.box(PdfCanvas.MARGIN, pdf.y() - 28, PdfCanvas.CONTENT_WIDTH, 28, Palette.TILE);
    pdf.box(PdfCanvas.MARGIN, pdf.y() - 28, 5, 28, color);
    pdf.text(PdfCanvas.MARGIN + 14, pdf.y() - 18, "Overall security posture:", pdf.regular, 11, Palette.INK);
    pdf.text(PdfCanvas.MARGIN + 150, pdf.y() - 18, rating == null ? "not yet rated by the CISO" : ratingLabel(rating), pdf.bold, 11, color);
    pdf.moveDown(40);
  }

  static String ratingLabel(String rating) {
    return switch (rating) {
      case "strong" -> "Strong";
      case "adequate" -> "Adequate";
      case "needs-improvement" -> "Needs improvement";
      case "weak" -> "Weak";
      default -> rating;
    };
  }

  private void tiles(PdfCanvas pdf, ReportContent content) {
    var headlines = content.headlines();
    var changes = new LinkedHashMap<String, BoardReport.Change>();
    if (content.comparison() != null) {
      content.comparison().changes().forEach(c -> changes.put(c.path(), c));
    }
    int perRow = 4;
    float gap = 8;
    float width = (PdfCanvas.CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
    float height = 64;
    for (int i = 0; i < headlines.size(); i += perRow) {
      pdf.ensure(height + gap);
      var bottom = pdf.y() - height;
      for (int j = i; j < Math.min(i + perRow, headlines.size()); j++) {
        var headline = headlines.get(j);
        var x = PdfCanvas.MARGIN + (j - i) * (width + gap);
        pdf.box(x, bottom, width, height, Palette.TILE);
        var value = content.headlineValue(headline);
        pdf.text(x + 8, bottom + height - 26, Long.toString(value), pdf.bold, 20, Palette.INK);
        var label = pdf.wrap(headline.label(), pdf.regular, 8, width - 16);
        for (int k = 0; k < Math.min(2, label.size()); k++) {
          pdf.text(x + 8, bottom + height - 38 - k * 9, label.get(k), pdf.regular, 8, Palette.MUTED);
        }
        var change = changes.get(headline.path());
        String delta;
        Color color = Palette.MUTED;
        if (change == null || change.before() == null) {
          delta = "first report";
        } else {
          var difference = value - change.before();
          delta = (difference > 0 ? "+" : "") + difference + " since last report";
          if (difference != 0) {
            color = (difference < 0) == headline.lowerIsBetter() ? Palette.GOOD : Palette.BAD;
          }
        }
        pdf.text(x + 8, bottom + 6, delta, pdf.regular, 7.5f, color);
      }
      pdf.moveDown(height + gap);
    }
  }

  private void commentarySection(PdfCanvas pdf, String title, String text) {
    pdf.heading(title, 13);
    if (text == null || text.isBlank()) {
      pdf.paragraph("To be written by the CISO.", pdf.regular, 10, Palette.MUTED, 0);
    } else {
      pdf.paragraph(text.strip(), pdf.regular, 10, Palette.INK, 0);
    }
  }

  @SuppressWarnings("unchecked")
  private void heatmaps(PdfCanvas pdf, ReportContent content) {
    var risks = content.figures().get("risks");
    if (risks == null) {
      return;
    }
    pdf.heading("Risk heat maps", 15);
    int size = risks.get("matrixSize") instanceof Number n ? n.intValue() : 5;
    float mapWidth = (PdfCanvas.CONTENT_WIDTH - 40) / 2;
    float cell = Math.min(36, (mapWidth - 24) / size);
    float top = pdf.y() - 18;
    drawHeatmap(pdf, "Inherent (before treatment)", (List<Map<String, Object>>) risks.get("heatmapInherent"), size, cell, PdfCanvas.MARGIN + 20, top);
    drawHeatmap(pdf, "Residual (after planned treatment)", (List<Map<String, Object>>) risks.get("heatmapResidual"), size, cell, PdfCanvas.MARGIN + 60 + mapWidth, top);
    pdf.moveDown(18 + cell * size + 58);
    float x = PdfCanvas.MARGIN;
    for (var level : List.of("LOW", "MEDIUM", "HIGH", "CRITICAL")) {
      pdf.box(x, pdf.y(), 10, 10, Palette.level(level));
      pdf.text(x + 14, pdf.y() + 2, level.charAt(0) + level.substring(1).toLowerCase(), pdf.regular, 8, Palette.INK);
      x += 70;
    }
    var appetite = risks.get("appetite");
    if (appetite != null) {
      pdf.text(x + 10, pdf.y() + 2, "Risk appetite: scores up to " + appetite + "; cells show the number of open risks.", pdf.regular, 8, Palette.MUTED);
    }
    pdf.moveDown(18);
  }

  private void drawHeatmap(PdfCanvas pdf, String title, List<Map<String, Object>> cells, int size, float cell, float left, float top) {
    pdf.text(left, top + 4, title, pdf.bold, 9, Palette.INK);
    var bottom = top - 8 - cell * size;
    for (var c : cells == null ? List.<Map<String, Object>>of() : cells) {
      int likelihood = ((Number) c.get("likelihood")).intValue();
      int impact = ((Number) c.get("impact")).intValue();
      int count = ((Number) c.get("count")).intValue();
      var x = left + (impact - 1) * cell;
      var y = bottom + (likelihood - 1) * cell;
      pdf.box(x, y, cell, cell, Palette.level(String.valueOf(c.get("level"))));
      pdf.frame(x, y, cell, cell, Color.WHITE, 1);
      if (count > 0) {
        var label = Integer.toString(count);
        pdf.text(x + (cell - pdf.width(label, pdf.bold, 11)) / 2, y + cell / 2 - 4, label, pdf.bold, 11, Palette.INK);
      }
    }
    for (int i = 1; i <= size; i++) {
      pdf.text(left - 10, bottom + (i - 1) * cell + cell / 2 - 3, Integer.toString(i), pdf.regular, 7, Palette.MUTED);
      pdf.text(left + (i - 1) * cell + cell / 2 - 2, bottom - 10, Integer.toString(i), pdf.regular, 7, Palette.MUTED);
    }
    pdf.text(left, bottom - 22, "Impact ->   (rows: likelihood, 1 at the bottom)", pdf.regular, 7, Palette.MUTED);
  }

  private void trends(PdfCanvas pdf, ReportContent content) {
    var comparison = content.comparison();
    pdf.heading("Trends", 15);
    if (comparison == null || comparison.trend() == null || comparison.trend().size() < 2) {
      pdf.paragraph("This is the first report: trends start with the next one.", pdf.regular, 10, Palette.MUTED, 0);
      return;
    }
    var points = comparison.trend();
    int perRow = 3;
    float gap = 12;
    float width = (PdfCanvas.CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
    float height = 92;
    var headlines = content.headlines();
    for (int i = 0; i < headlines.size(); i += perRow) {
      pdf.ensure(height + gap);
      var bottom = pdf.y() - height;
      for (int j = i; j < Math.min(i + perRow, headlines.size()); j++) {
        var headline = headlines.get(j);
        var x = PdfCanvas.MARGIN + (j - i) * (width + gap);
        pdf.frame(x, bottom, width, height, Palette.RULE, 0.5f);
        pdf.text(x + 6, bottom + height - 12, pdf.fit(headline.label(), pdf.bold, 8, width - 12), pdf.bold, 8, Palette.INK);
        var values = new ArrayList<Long>();
        points.forEach(p -> values.add(p.values().getOrDefault(headline.path(), 0L)));
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        float slot = (width - 12) / values.size();
        float barArea = height - 40;
        for (int k = 0; k < values.size(); k++) {
          var barHeight = barArea * values.get(k) / max;
          var barX = x + 6 + k * slot + slot * 0.2f;
          var last = k == values.size() - 1;
          pdf.box(barX, bottom + 16, slot * 0.6f, Math.max(0.5f, barHeight), last ? Palette.ACCENT : Palette.RULE);
          var label = Long.toString(values.get(k));
          pdf.text(barX + (slot * 0.6f - pdf.width(label, pdf.regular, 7)) / 2, bottom + 18 + barHeight, label, pdf.regular, 7, Palette.INK);
          var name = pdf.fit(points.get(k).label(), pdf.regular, 6, slot);
          pdf.text(x + 6 + k * slot + (slot - pdf.width(name, pdf.regular, 6)) / 2, bottom + 6, name, pdf.regular, 6, Palette.MUTED);
        }
      }
      pdf.moveDown(height + gap);
    }
  }

  @SuppressWarnings("unchecked")
  private void itOtSplit(PdfCanvas pdf, ReportContent content) {
    var risks = content.figures().get("risks");
    if (risks == null || !(risks.get("itOtSplit") instanceof Map<?, ?> split)) {
      return;
    }
    pdf.heading("Open risks in IT and OT", 13);
    var parts = (Map<String, Object>) split;
    long ot = number(parts.get("OT"));
    long it = number(parts.get("IT"));
    long none = number(parts.get("noAssets"));
    long total = Math.max(1, ot + it + none);
    pdf.ensure(40);
    float x = PdfCanvas.MARGIN;
    float bottom = pdf.y() - 16;
    var colors = List.of(new Color(0x7c, 0x3a, 0xed), Palette.ACCENT, Palette.RULE);
    var counts = List.of(ot, it, none);
    for (int i = 0; i < 3; i++) {
      var w = PdfCanvas.CONTENT_WIDTH * counts.get(i) / total;
      pdf.box(x, bottom, w, 14, colors.get(i));
      x += w;
    }
    pdf.moveDown(30);
    pdf.text(
        PdfCanvas.MARGIN, pdf.y(), "OT (plant floor, production systems): " + ot + "    IT only: " + it + "    no asset linked: " + none, pdf.regular, 9, Palette.INK);
    pdf.moveDown(10);
  }

  @SuppressWarnings("unchecked")
  private void topRisks(PdfCanvas pdf, ReportContent content) {
    var risks = content.figures().get("risks");
    if (risks == null) {
      return;
    }
    pdf.heading("Top risks", 15);
    var top = (List<Map<String, Object>>) risks.getOrDefault("topRisks", List.of());
    if (top.isEmpty()) {
      pdf.paragraph("There are no open risks.", pdf.regular, 10, Palette.MUTED, 0);
      return;
    }
    float[] columns = {0, 50, 300, 410, 470};
    String[] header = {"Risk", "Title", "Owner", "Level", "Score"};
    pdf.ensure(20);
    pdf.box(PdfCanvas.MARGIN, pdf.y() - 16, PdfCanvas.CONTENT_WIDTH, 16, Palette.TILE);
    for (int i = 0; i < header.length; i++) {
      pdf.text(PdfCanvas.MARGIN + columns[i] + 4, pdf.y() - 11, header[i], pdf.bold, 9, Palette.INK);
    }
    pdf.moveDown(16);
    for (var risk : top) {
      pdf.ensure(18);
      var baseline = pdf.y() - 12;
      var level = String.valueOf(risk.get("level"));
      pdf.text(PdfCanvas.MARGIN + columns[0] + 4, baseline, String.valueOf(risk.get("id")), pdf.bold, 9, Palette.INK);
      pdf.text(PdfCanvas.MARGIN + columns[1] + 4, baseline, pdf.fit(String.valueOf(risk.get("title")), pdf.regular, 9, columns[2] - columns[1] - 8), pdf.regular, 9, Palette.INK);
      pdf.text(PdfCanvas.MARGIN + columns[2] + 4, baseline, pdf.fit(String.valueOf(risk.get("owner")), pdf.regular, 9, columns[3] - columns[2] - 8), pdf.regular, 9, Palette.INK);
      pdf.box(PdfCanvas.MARGIN + columns[3] + 4, baseline - 3, 52, 13, Palette.level(level));
      pdf.text(PdfCanvas.MARGIN + columns[3] + 8, baseline, level, pdf.bold, 8, Palette.INK);
      pdf.text(PdfCanvas.MARGIN + columns[4] + 4, baseline, String.valueOf(risk.get("score")), pdf.regular, 9, Palette.INK);
      pdf.line(PdfCanvas.MARGIN, pdf.y() - 18, PdfCanvas.MARGIN + PdfCanvas.CONTENT_WIDTH, pdf.y() - 18, Palette.RULE, 0.5f);
      pdf.moveDown(18);
    }
    pdf.moveDown(6);
    pdf.paragraph(
        "Treatment actions: " + number(risks.get("treatmentActionsOpen")) + " open, " + number(risks.get("treatmentActionsOverdue")) + " overdue.",
        pdf.regular, 10, Palette.INK, 0);
  }

  @SuppressWarnings("unchecked")
  private void reviews(PdfCanvas pdf, ReportContent content) {
    var risks = content.figures().get("risks");
    if (risks == null || !(risks.get("reviewsInPeriod") instanceof Map<?, ?> raw)) {
      return;
    }
    var reviews = (Map<String, Object>) raw;
    pdf.heading("Risk reviews in the period", 13);
    var newHigh = (List<String>) reviews.getOrDefault("newHighRisks", List.of());
    pdf.paragraph(
        number(reviews.get("completed")) + " review cycle(s) completed, " + number(reviews.get("risksReviewed")) + " risk(s) reviewed, "
            + number(reviews.get("escalations")) + " overdue step(s) escalated; " + number(risks.get("reviewsOverdue")) + " risk(s) overdue for review now."
            + (newHigh.isEmpty() ? "" : " Newly high or critical: " + String.join(", ", newHigh) + "."),
        pdf.regular, 10, Palette.INK, 0);
  }

  /** Every section but the risks, as label and value: new cycles show up here without code in this module. */
  private void otherSections(PdfCanvas pdf, ReportContent content) {
    for (var section : content.figures().entrySet()) {
      if (section.getKey().equals("risks")) {
        continue;
      }
      pdf.heading(content.sectionTitles().getOrDefault(section.getKey(), humanized(section.getKey())), 13);
      for (var figure : section.getValue().entrySet()) {
        var value = figure.getValue();
        String shown;
        if (value instanceof List<?> list) {
          shown = list.stream().allMatch(v -> v instanceof String) ? (list.isEmpty() ? "none" : String.join(", ", (List<String>) list)) : list.size() + " item(s)";
        } else if (value instanceof Map<?, ?> map) {
          shown = String.join(", ", map.entrySet().stream().map(e -> humanized(String.valueOf(e.getKey())) + " " + e.getValue()).toList());
        } else {
          shown = String.valueOf(value);
        }
        pdf.ensure(14);
        pdf.moveDown(14);
        pdf.text(PdfCanvas.MARGIN, pdf.y(), humanized(figure.getKey()), pdf.regular, 10, Palette.MUTED);
        pdf.text(PdfCanvas.MARGIN + 220, pdf.y(), pdf.fit(shown, pdf.bold, 10, PdfCanvas.CONTENT_WIDTH - 220), pdf.bold, 10, Palette.INK);
      }
    }
  }

  private void signOffs(PdfCanvas pdf, ReportContent content) {
    if (content.signOff() == null) {
      return;
    }
    pdf.heading("Sign-off", 13);
    var signOff = content.signOff();
    pdf.paragraph(
        "Signed off by " + signOff.by() + " on " + STAMP.format(signOff.at()) + " (version " + signOff.reportVersion() + ")"
            + (signOff.comment() == null || signOff.comment().isBlank() ? "." : ": " + signOff.comment().strip()),
        pdf.regular, 10, Palette.INK, 0);
  }

  static String humanized(String key) {
    var words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').toLowerCase();
    return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
