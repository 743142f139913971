package io.ismsflow.risk;

import java.time.Clock;
import java.util.Date;
import java.util.function.LongPredicate;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Keeps a risk in one review at a time: a review claims each risk it covers (one document per
 * risk, the unique id making the claim atomic without transactions) and releases it when the
 * risk's assessment is written or the review ends. A claim by a review that no longer runs
 * (finished or cancelled without releasing) is taken over.
 */
class RiskReviewLocks {

  static final String LOCKS = "risk_review_locks";

  private final MongoTemplate mongo;
  private final LongPredicate reviewIsRunning;
  private final Clock clock;

  RiskReviewLocks(MongoTemplate mongo, LongPredicate reviewIsRunning, Clock clock) {
    this.mongo = mongo;
    this.reviewIsRunning = reviewIsRunning;
    this.clock = clock;
  }

  /** Claims the risk for the review; false if another running review has it. Idempotent. */
  boolean claim(String riskId, long reviewKey) {
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        mongo.insert(new Document("_id", riskId).append("reviewKey", reviewKey).append("since", Date.from(clock.instant())), LOCKS);
        return true;
      } catch (DuplicateKeyException held) {
        var holder = mongo.findById(riskId, Document.class, LOCKS);
        if (holder == null) {
          continue; // released meanwhile: try again
        }
        var holderKey = holder.get("reviewKey", Number.class).longValue();
        if (holderKey == reviewKey) {
          return true;
        }
        if (reviewIsRunning.test(holderKey)) {
          return false;
        }
        mongo.remove(Query.query(Criteria.where("_id").is(riskId).and("reviewKey").is(holderKey)), LOCKS);
      }
    }
    return false;
  }

  void release(String riskId, long reviewKey) {
    mongo.remove(Query.query(Criteria.where("_id").is(riskId).and("reviewKey").is(reviewKey)), LOCKS);
  }

  void releaseAll(long reviewKey) {
    mongo.remove(Query.query(Criteria.where("reviewKey").is(reviewKey)), LOCKS);
  }
}
