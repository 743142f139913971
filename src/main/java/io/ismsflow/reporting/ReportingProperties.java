package io.ismsflow.reporting;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Board reporting.
 *
 * @param organization the organisation's name on the report's title band; empty for none
 * @param schedule when the scheduled report of the past quarter starts: a cron expression (UTC) or
 *     an ISO 8601 repeating interval; default 07:00 UTC on the first day of each quarter
 * @param distribution who receives the final report
 * @param commentarySla how long the CISO group has for the commentary (each round) before it is escalated
 * @param signOffSla how long executive leadership has to sign off (each round) before it is escalated
 * @param decisionsSla how long the board secretary has, after distribution, to record the board's
 *     decisions before it is escalated
 */
@ConfigurationProperties("isms.reporting")
public record ReportingProperties(
    @DefaultValue("") String organization,
    @DefaultValue(BoardReportSchedule.DEFAULT) String schedule,
    @DefaultValue Distribution distribution,
    @DefaultValue("P10D") Duration commentarySla,
    @DefaultValue("P5D") Duration signOffSla,
    @DefaultValue("P30D") Duration decisionsSla) {

  /**
   * @param groups ISMS groups whose members are notified in the app
   * @param mailTo mail addresses that get the final PDF, when an SMTP server is configured ({@code spring.mail.host})
   * @param mailFrom the sender address of that mail
   */
  public record Distribution(
      @DefaultValue({"executive", "board-secretary", "ciso"}) List<String> groups, List<String> mailTo, @DefaultValue("isms-flow@localhost") String mailFrom) {

    public Distribution {
      groups = groups == null ? List.of() : List.copyOf(groups);
      mailTo = mailTo == null ? List.of() : List.copyOf(mailTo);
    }
  }
}
