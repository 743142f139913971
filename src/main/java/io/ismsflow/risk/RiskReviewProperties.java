package io.ismsflow.risk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The risk review cycle's service levels.
 *
 * @param assessmentSla how long an owner has to assess a risk (and plan its treatment) before it is escalated
 * @param approvalSla how long the CISO or executive leadership have to approve before it is escalated
 */
@ConfigurationProperties("isms.risk.review")
public record RiskReviewProperties(
    @DefaultValue("P10D") Duration assessmentSla, @DefaultValue("P5D") Duration approvalSla) {}
