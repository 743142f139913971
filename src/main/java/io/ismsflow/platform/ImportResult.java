package io.ismsflow.platform;

/**
 * What an import did.
 *
 * @param created records that did not exist before
 * @param updated existing records that the file changed
 * @param unchanged existing records that the file describes as they are
 */
public record ImportResult(int created, int updated, int unchanged) {}
