package io.ismsflow.policy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service levels of policy approval.
 *
 * @param reviewSla how long reviewers have before the review is escalated to the CISO group
 * @param approvalSla how long the CISO group and executive leadership have before escalation
 */
@ConfigurationProperties("isms.policy")
public record PolicyProperties(@DefaultValue("P10D") Duration reviewSla, @DefaultValue("P5D") Duration approvalSla) {}
