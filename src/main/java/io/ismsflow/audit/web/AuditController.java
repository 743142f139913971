package io.ismsflow.audit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ismsflow.audit.AuditEntry;
import io.ismsflow.audit.AuditTrail;
import io.ismsflow.audit.ChainVerification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Verification and export of the audit trail, for auditors. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit trail", description = "Verify the tamper-evident audit trail and export its entries")
class AuditController {

  /** The most entries one export may hold. */
  static final int MAX_EXPORT_ENTRIES = 100_000;

  private static final DateTimeFormatter FILE_NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final AuditTrail trail;
  private final ObjectMapper json;
  private final long maxExportEntries;

  @Autowired
  AuditController(AuditTrail trail, ObjectMapper json) {
    this(trail, json, MAX_EXPORT_ENTRIES);
  }

  AuditController(AuditTrail trail, ObjectMapper json, long maxExportEntries) {
    this.trail = trail;
    this.json = json;
    this.maxExportEntries = maxExportEntries;
  }

  @GetMapping("/verify")
  @Operation(
      summary = "Check the hash chain of the audit trail",
      description = "200 whether intact or not; if not, says which entry is modified, missing or out of chain.")
  ChainVerification verify() {
    return trail.verify();
  }

  @GetMapping("/entries")
  @Operation(
      summary = "Export audit entries of a period as JSON or CSV, in sequence order",
      description = "At most " + MAX_EXPORT_ENTRIES + " entries per export. CSV cells a spreadsheet would run as a"
          + " formula (starting with = + - @) are prefixed with a single quote.")
  @ApiResponse(
      responseCode = "200",
      content = {
        @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = AuditEntry.class))),
        @Content(mediaType = "text/csv")
      })
  @ApiResponse(responseCode = "400", description = "bad date or format, or too many entries in the period")
  void entries(
      @Parameter(description = "first instant, inclusive (ISO-8601, e.g. 2026-01-01T00:00:00Z, or a date read as UTC midnight)")
          @RequestParam(required = false)
          String from,
      @Parameter(description = "last instant, exclusive (same formats as from)") @RequestParam(required = false) String to,
      @Parameter(description = "json (default) or csv") @RequestParam(defaultValue = "json") String format,
      HttpServletResponse response)
      throws IOException {
    var start = instant("from", from);
    var end = instant("to", to);
    if (start != null && end != null && start.isAfter(end)) {
      throw badRequest("from (" + start + ") must not be after to (" + end + ")");
    }
    var csv =
        switch (format.trim().toLowerCase(Locale.ROOT)) {
          case "json" -> false;
          case "csv" -> true;
          default -> throw badRequest("format must be json or csv, got '" + shortened(format) + "'");
        };
    var count = trail.count(start, end);
    if (count > maxExportEntries) {
      throw badRequest(
          "The period holds " + count + " audit entries, more than the " + maxExportEntries
              + " one export may hold; narrow the period with from and to");
    }
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (csv) {
      response.setContentType("text/csv");
      response.setHeader(
          HttpHeaders.CONTENT_DISPOSITION,
          ContentDisposition.attachment().filename(fileName(start, end)).build().toString());
      trail.writeCsv(start, end, response.getWriter());
    } else {
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      writeJson(start, end, response);
    }
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<ProblemDetail> refused(ResponseStatusException e) {
    return ResponseEntity.status(e.getStatusCode()).body(e.getBody());
  }

  /** Streamed, so that a large export is not held in memory; times always ISO-8601. */
  private void writeJson(Instant start, Instant end, HttpServletResponse response) throws IOException {
    var writer =
        json.writerFor(AuditEntry.class)
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .without(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    try (var generator = writer.createGenerator(response.getOutputStream())) {
      generator.writeStartArray();
      trail.forEachEntry(
          start,
          end,
          entry -> {
            try {
              writer.writeValue(generator, entry);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      generator.writeEndArray();
    }
  }

  static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    var text = value.trim().replace(' ', '+'); // an offset's '+' arrives as a space when not URL-encoded
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notAnInstant) {
      // try the other accepted forms
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notAnOffsetDateTime) {
      // try the other accepted forms
    }
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException notADate) {
      throw badRequest(
          name + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z (or a date such as 2026-01-01, read"
              + " as midnight UTC), got '" + shortened(value) + "'");
    }
  }

  static String fileName(Instant from, Instant to) {
    return "audit-trail-" + (from == null ? "start" : FILE_NAME_TIME.format(from)) + "-"
        + (to == null ? "now" : FILE_NAME_TIME.format(to)) + ".csv";
  }

  private static ResponseStatusException badRequest(String message) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
  }

  private static String shortened(String value) {
    return value.length() <= 60 ? value : value.substring(0, 60) + "...";
  }
}
