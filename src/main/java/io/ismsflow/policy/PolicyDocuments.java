package io.ismsflow.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A policy version as a document to hand out (Markdown, PDF), and the differences between two versions. */
final class PolicyDocuments {

  /** One line of a difference: {@code =} in both, {@code -} only in the older, {@code +} only in the newer. */
  record DiffLine(String op, String text) {}

  private PolicyDocuments() {}

  static String markdown(Policy policy, PolicyVersion version) {
    var approvals =
        version.approvals().isEmpty()
            ? "none yet"
            : version.approvals().stream().map(a -> a.approver() + " (" + a.role() + ", " + a.at() + ")").collect(Collectors.joining("; "));
    return "---\n"
        + "policy: " + policy.id() + "\n"
        + "title: " + policy.title() + "\n"
        + "version: " + version.number() + "\n"
        + "status: " + version.status() + "\n"
        + "effective: " + (version.effectiveDate() == null ? "not yet" : version.effectiveDate()) + "\n"
        + "sha256: " + (version.sha256() == null ? "not published" : version.sha256()) + "\n"
        + "author: " + version.author() + "\n"
        + "approvals: " + approvals + "\n"
        + "---\n\n"
        + version.content();
  }

  static byte[] pdf(Policy policy, PolicyVersion version) {
    var lines = new ArrayList<String>();
    lines.add("# " + policy.title());
    lines.add(policy.id() + ", version " + version.number() + " (" + version.status() + ")"
        + (version.effectiveDate() == null ? "" : ", effective " + version.effectiveDate()));
    if (version.sha256() != null) {
      lines.add("SHA-256 " + version.sha256());
    }
    lines.add("");
    lines.addAll(version.content().lines().toList());
    try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
      var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDPageContentStream stream = null;
      float y = 0;
      for (var raw : lines) {
        var heading = raw.startsWith("#");
        var text = printable(heading ? raw.replaceFirst("^#+\\s*", "") : raw);
        var size = heading ? 13f : 10f;
        for (var line : wrap(text, heading ? 80 : 100)) {
          if (stream == null || y < 60) {
            if (stream != null) {
              stream.close();
            }
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - 60;
          }
          stream.beginText();
          stream.setFont(heading ? bold : regular, size);
          stream.newLineAtOffset(56, y);
          stream.showText(line);
          stream.endText();
          y -= size + 5;
        }
      }
      if (stream != null) {
        stream.close();
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Line differences of two texts (longest common subsequence of lines). */
  static List<DiffLine> diff(String older, String newer) {
    var a = older.lines().toList();
    var b = newer.lines().toList();
    var lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    var result = new ArrayList<DiffLine>();
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      if (a.get(i).equals(b.get(j))) {
        result.add(new DiffLine("=", a.get(i)));
        i++;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        result.add(new DiffLine("-", a.get(i++)));
      } else {
        result.add(new DiffLine("+", b.get(j++)));
      }
    }
    while (i < a.size()) {
      result.add(new DiffLine("-", a.get(i++)));
    }
    while (j < b.size()) {
      result.add(new DiffLine("+", b.get(j++)));
    }
    return result;
  }

  /** Only what the PDF standard fonts can show (WinAnsi); anything else becomes '?'. */
  private static String printable(String text) {
    var out = new StringBuilder(text.length());
    for (var c : text.toCharArray()) {
      out.append((c >= 32 && c < 127) || (c >= 160 && c <= 255) ? c : c == '\t' ? ' ' : '?');
    }
    return out.toString();
  }

  private static List<String> wrap(String text, int width) {
    var lines = new ArrayList<String>();
    var rest = text;
    while (rest.length() > width) {
      var cut = rest.lastIndexOf(' ', width);
      cut = cut <= 0 ? width : cut;
      lines.add(rest.substring(0, cut));
      rest = rest.substring(cut).stripLeading();
    }
    lines.add(rest);
    return lines;
  }
}
