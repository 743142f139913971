package io.ismsflow.asset.web;

import io.ismsflow.asset.Asset;
import io.ismsflow.asset.AssetInput;
import io.ismsflow.asset.AssetService;
import io.ismsflow.identity.CurrentUser;
import io.ismsflow.platform.ImportResult;
import io.ismsflow.platform.Exports;
import io.ismsflow.platform.RequestRefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/assets")
@Tag(name = "Assets", description = "The asset register, IT and OT: read by everyone, changed by the CISO and admins")
class AssetController {

  private final AssetService assets;
  private final CurrentUser currentUser;

  AssetController(AssetService assets, CurrentUser currentUser) {
    this.assets = assets;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "Assets by id, optionally only those of a domain, type, zone or owner")
  List<Asset> list(
      @Parameter(description = "IT or OT") @RequestParam(required = false) String domain,
      @Parameter(description = "asset type, e.g. PLC") @RequestParam(required = false) String type,
      @Parameter(description = "IEC 62443 zone, e.g. Z3-Control (case ignored)") @RequestParam(required = false) String zone,
      @RequestParam(required = false) String owner) {
    return assets.list(new AssetService.Filter(domain, type, zone, owner));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One asset")
  Asset get(@PathVariable String id) {
    return assets.get(id);
  }

  @PostMapping
  @Operation(summary = "Add an asset (CISO, admin)", description = "400 with a problem per bad field; 409 if the id exists")
  ResponseEntity<Asset> create(@RequestBody AssetInput input) {
    var created = assets.create(currentUser.get(), input);
    return ResponseEntity.created(URI.create("/api/assets/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @Operation(summary = "Replace an asset's values (CISO, admin)")
  Asset update(@PathVariable String id, @RequestBody AssetInput input) {
    return assets.update(currentUser.get(), id, input);
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete an asset (CISO, admin)", description = "409 while a risk names it")
  ResponseEntity<Void> delete(@PathVariable String id) {
    assets.delete(currentUser.get(), id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/export")
  @Operation(summary = "The whole asset register as CSV (importable again) or JSON")
  ResponseEntity<?> export(@Parameter(description = "csv or json") @RequestParam(defaultValue = "csv") String format) {
    return Exports.respond(format, "assets", assets::exportCsv, assets::all);
  }

  @PostMapping(path = "/import", consumes = "text/csv")
  @Operation(
      summary = "Add and update assets from a CSV file (CISO, admin); all or nothing",
      description = "UTF-8 (a byte order mark is fine), header row, at most " + AssetService.MAX_IMPORT_ROWS
          + " rows. Every row is checked first: if any is bad, 400 lists every problem as {row, column, message}"
          + " and nothing is stored. Otherwise assets are created or updated by id.")
  ImportResult importCsv(@RequestBody byte[] csv) {
    return assets.importCsv(currentUser.get(), csv);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return RequestRefusedException.unreadableBody(e).toProblemDetail();
  }
}
