package io.ismsflow.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ismsflow.policy.Policy.Category;
import io.ismsflow.policy.Policy.PolicyStatus;
import io.ismsflow.policy.PolicyVersion.Approval;
import io.ismsflow.policy.PolicyVersion.VersionStatus;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {

  private static final String TEXT = "# OT remote access\n## Purpose\nControl access.\n## Policy\nOnly via the jump host, with MFA (Zugang über den Sprungserver).\n";
  private final Policy policy =
      new Policy("POL-001", "OT remote access", Category.TOPIC_SPECIFIC_POLICY, "policy.carla", PolicyStatus.PUBLISHED, 12,
          LocalDate.of(2027, 11, 23), List.of(), 1, 1, Instant.EPOCH, Instant.EPOCH, null);
  private final PolicyVersion version =
      new PolicyVersion("POL-001:1", "POL-001", 1, TEXT, "First", "policy.carla", VersionStatus.PUBLISHED, List.of(),
          List.of(new Approval("ciso.anna", "ciso", Instant.parse("2026-11-23T10:00:00Z"))), LocalDate.of(2026, 11, 23),
          PolicyService.sha256(TEXT), Instant.EPOCH, Instant.EPOCH, null);

  @Test
  void theMarkdownExportNamesVersionHashAndApprovalsBeforeTheText() {
    var markdown = PolicyDocuments.markdown(policy, version);
    assertThat(markdown)
        .startsWith("---\npolicy: POL-001\n")
        .contains("version: 1", "effective: 2026-11-23", "sha256: " + PolicyService.sha256(TEXT), "ciso.anna (ciso")
        .endsWith(TEXT);
  }

  @Test
  void thePdfCarriesTitleHashAndTextIncludingAccents() throws IOException {
    var pdf = PolicyDocuments.pdf(policy, version);
    try (var document = Loader.loadPDF(pdf)) {
      var text = new PDFTextStripper().getText(document);
      assertThat(text).contains("OT remote access", "POL-001, version 1", PolicyService.sha256(TEXT), "Zugang über den Sprungserver");
    }
  }

  @Test
  void aLongTextFlowsOntoFurtherPages() throws IOException {
    var longText = "# Long\n" + "A line of the policy that goes on.\n".repeat(200);
    var pdf = PolicyDocuments.pdf(policy, new PolicyVersion("POL-001:2", "POL-001", 2, longText, "x", "policy.carla", VersionStatus.DRAFT, List.of(), List.of(), null, null, Instant.EPOCH, null, null));
    try (var document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
    }
  }

  @Test
  void theDiffKeepsCommonLinesAndMarksRemovedAndAddedOnes() {
    var diff = PolicyDocuments.diff("a\nb\nc\n", "a\nc\nd\n");
    assertThat(diff)
        .extracting(d -> d.op() + d.text())
        .containsExactly("=a", "-b", "=c", "+d");
  }
}
