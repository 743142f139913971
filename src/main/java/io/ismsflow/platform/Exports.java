package io.ismsflow.platform;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An export as a CSV download (UTF-8, attachment) or a JSON array, by the {@code format} parameter. */
public final class Exports {

  private Exports() {}

  public static ResponseEntity<?> respond(String format, String name, Supplier<String> csv, Supplier<? extends List<?>> json) {
    return switch (format == null ? "" : format.strip().toLowerCase(Locale.ROOT)) {
      case "csv" ->
          ResponseEntity.ok()
              .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
              .header(
                  HttpHeaders.CONTENT_DISPOSITION,
                  ContentDisposition.attachment()
                      .filename(name + "-" + LocalDate.now(ZoneOffset.UTC) + ".csv")
                      .build()
                      .toString())
              .body(csv.get().getBytes(StandardCharsets.UTF_8));
      case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.get());
      default ->
          throw RequestRefusedException.invalid(
              "Unknown export format",
              List.of(
                  new RequestRefusedException.FieldProblem(
                      "format", "'" + InputCheck.shortened(String.valueOf(format)) + "' is not allowed; use csv or json")));
    };
  }
}
