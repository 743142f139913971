package io.ismsflow.audit;

/**
 * The result of checking the audit trail's hash chain.
 *
 * @param intact true if every entry matches its hash, follows the one before, none is missing and
 *     the chain head agrees with the trail
 * @param entriesChecked how many entries were read: all of them if intact, else up to and including
 *     the first broken one
 * @param firstBrokenSequence the sequence number of the first entry that is modified, missing or
 *     out of chain; null if intact (or if the problem is not tied to one entry)
 * @param problem what is wrong, in plain words; null if intact
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSequence, String problem) {

  static ChainVerification intact(long entriesChecked) {
    return new ChainVerification(true, entriesChecked, null, null);
  }

  static ChainVerification broken(long entriesChecked, Long firstBrokenSequence, String problem) {
    return new ChainVerification(false, entriesChecked, firstBrokenSequence, problem);
  }
}
