package io.ismsflow.reporting;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A small layer over PDFBox for flowing A4 pages: a cursor that moves down, wrapped paragraphs,
 * filled boxes, and a new page when the next block does not fit. Text is reduced to what the
 * standard PDF fonts can show (Latin-1 and the usual punctuation); anything else becomes '?'.
 */
final class PdfCanvas implements AutoCloseable {

  static final float WIDTH = PDRectangle.A4.getWidth();
  static final float HEIGHT = PDRectangle.A4.getHeight();
  static final float MARGIN = 48;
  static final float CONTENT_WIDTH = WIDTH - 2 * MARGIN;
  static final float BOTTOM = 56;

  final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  private final PDDocument document = new PDDocument();
  private final Map<Integer, Boolean> encodable = new HashMap<>();
  private PDPageContentStream stream;
  private float y;

  PdfCanvas(String title, String subject) {
    document.getDocumentInformation().setTitle(title);
    document.getDocumentInformation().setSubject(subject);
    document.getDocumentInformation().setCreator("ISMS Flow");
    newPage();
  }

  float y() {
    return y;
  }

  void moveDown(float by) {
    y -= by;
  }

  void newPage() {
    try {
      if (stream != null) {
        stream.close();
      }
      var page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      stream = new PDPageContentStream(document, page);
      y = HEIGHT - MARGIN;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a new page unless {@code height} more points fit on this one. */
  void ensure(float height) {
    if (y - height < BOTTOM) {
      newPage();
    }
  }

  void text(float x, float baseline, String text, PDType1Font font, float size, Color color) {
    draw(
        s -> {
          s.beginText();
          s.setFont(font, size);
          s.setNonStrokingColor(color);
          s.newLineAtOffset(x, baseline);
          s.showText(safe(text, font));
          s.endText();
        });
  }

  void box(float x, float bottom, float width, float height, Color fill) {
    draw(
        s -> {
          s.setNonStrokingColor(fill);
          s.addRect(x, bottom, width, height);
          s.fill();
        });
  }

  void frame(float x, float bottom, float width, float height, Color color, float lineWidth) {
    draw(
        s -> {
          s.setStrokingColor(color);
          s.setLineWidth(lineWidth);
          s.addRect(x, bottom, width, height);
          s.stroke();
        });
  }

  void line(float x1, float y1, float x2, float y2, Color color, float lineWidth) {
    draw(
        s -> {
          s.setStrokingColor(color);
          s.setLineWidth(lineWidth);
          s.moveTo(x1, y1);
          s.lineTo(x2, y2);
          s.stroke();
        });
  }

  /** Drawing on the current page; PDFBox's IOException cannot happen on an in-memory document, so it is unchecked. */
  private interface Drawing {
    void on(PDPageContentStream stream) throws IOException;
  }

  private void draw(Drawing drawing) {
    try {
      drawing.on(stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  float width(String text, PDType1Font font, float size) {
    try {
      return font.getStringWidth(safe(text, font)) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A heading at the cursor, with space above; never alone at the foot of a page. */
  void heading(String text, float size) {
    ensure(size + 40);
    y -= size + 6;
    text(MARGIN, y, text, bold, size, Palette.INK);
    y -= 8;
  }

  /** A paragraph wrapped to the width, at the cursor; it flows over pages. */
  void paragraph(String text, PDType1Font font, float size, Color color, float indent) {
    var leading = size * 1.35f;
    for (var line : wrap(text, font, size, CONTENT_WIDTH - indent)) {
      ensure(leading);
      y -= leading;
      text(MARGIN + indent, y, line, font, size, color);
    }
  }

  void bullets(List<String> items, float size) {
    var leading = size * 1.35f;
    for (var item : items) {
      var lines = wrap(item, regular, size, CONTENT_WIDTH - 14);
      for (int i = 0; i < lines.size(); i++) {
        ensure(leading);
        y -= leading;
        if (i == 0) {
          text(MARGIN + 2, y, "-", bold, size, Palette.ACCENT);
        }
        text(MARGIN + 14, y, lines.get(i), regular, size, Palette.INK);
      }
      y -= 3;
    }
  }

  List<String> wrap(String text, PDType1Font font, float size, float width) {
    var lines = new ArrayList<String>();
    for (var paragraph : (text == null ? "" : text).replace("\r", "").split("\n", -1)) {
      var line = new StringBuilder();
      for (var word : paragraph.split("[ \t]+")) {
        if (word.isEmpty()) {
          continue;
        }
        var candidate = line.isEmpty() ? word : line + " " + word;
        if (width(candidate, font, size) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        // a word longer than the line is cut
        var rest = word;
        while (width(rest, font, size) > width && rest.length() > 1) {
          int cut = rest.length() - 1;
          while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
            cut--;
          }
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut);
        }
        line.append(rest);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** Cuts the text to fit the width, with an ellipsis. */
  String fit(String text, PDType1Font font, float size, float width) {
    var value = text == null ? "" : text;
    if (width(value, font, size) <= width) {
      return value;
    }
    while (!value.isEmpty() && width(value + "...", font, size) > width) {
      value = value.substring(0, value.length() - 1);
    }
    return value + "...";
  }

  /** Writes the footer on every page and returns the document's bytes. */
  byte[] finish(String leftFooter) {
    try {
      stream.close();
      stream = null;
      int pages = document.getNumberOfPages();
      for (int i = 0; i < pages; i++) {
        try (var footer = new PDPageContentStream(document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
          var previous = stream;
          stream = footer;
          line(MARGIN, 40, WIDTH - MARGIN, 40, Palette.RULE, 0.5f);
          text(MARGIN, 28, leftFooter, regular, 8, Palette.MUTED);
          var page = "Page " + (i + 1) + " of " + pages;
          text(WIDTH - MARGIN - width(page, regular, 8), 28, page, regular, 8, Palette.MUTED);
          stream = previous;
        }
      }
      var out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (stream != null) {
        stream.close();
      }
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String safe(String text, PDType1Font font) {
    if (text == null) {
      return "";
    }
    var out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '\t' || cp == '\n' || cp == '\r') {
                out.append(' ');
              } else if (encodable.computeIfAbsent(cp, c -> canEncode(font, c))) {
                out.appendCodePoint(cp);
              } else {
                out.append('?');
              }
            });
    return out.toString();
  }

  private static boolean canEncode(PDType1Font font, int codePoint) {
    try {
      font.encode(new String(Character.toChars(codePoint)));
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  /** The report's colours: dark ink on white, level colours with enough contrast for their labels. */
  static final class Palette {
    static final Color INK = new Color(0x1f, 0x29, 0x37);
    static final Color MUTED = new Color(0x4b, 0x55, 0x63);
    static final Color RULE = new Color(0xd1, 0xd5, 0xdb);
    static final Color BAND = new Color(0x0f, 0x2a, 0x4a);
    static final Color ACCENT = new Color(0x1d, 0x4e, 0xd8);
    static final Color TILE = new Color(0xf3, 0xf4, 0xf6);
    static final Color GOOD = new Color(0x15, 0x80, 0x3d);
    static final Color BAD = new Color(0xb9, 0x1c, 0x1c);
    static final Color DRAFT = new Color(0xb4, 0x53, 0x09);
    static final Color LOW = new Color(0xbb, 0xf7, 0xd0);
    static final Color MEDIUM = new Color(0xfe, 0xf0, 0x8a);
    static final Color HIGH = new Color(0xfd, 0xba, 0x74);
    static final Color CRITICAL = new Color(0xf8, 0x71, 0x71);

    static Color level(String level) {
      return switch (level == null ? "" : level) {
        case "LOW" -> LOW;
        case "MEDIUM" -> MEDIUM;
        case "HIGH" -> HIGH;
        case "CRITICAL" -> CRITICAL;
        default -> TILE;
      };
    }

    private Palette() {}
  }
}
