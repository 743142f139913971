package io.ismsflow.risk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The risk matrix: likelihood and impact from 1 to {@code size}, score = likelihood x impact, and
 * the lowest score of each level above LOW.
 *
 * @param size scale of likelihood and impact (default 5: a 5x5 matrix)
 * @param mediumFrom lowest MEDIUM score
 * @param highFrom lowest HIGH score
 * @param criticalFrom lowest CRITICAL score
 * @param appetite the highest score the organisation accepts without treatment
 */
@ConfigurationProperties("isms.risk.matrix")
public record RiskMatrixProperties(
    @DefaultValue("5") int size,
    @DefaultValue("5") int mediumFrom,
    @DefaultValue("10") int highFrom,
    @DefaultValue("17") int criticalFrom,
    @DefaultValue("9") int appetite) {}
