package io.ismsflow.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Indexes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The tamper-evident, append-only audit trail (ISO/IEC 27001 evidence) in MongoDB.
 *
 * <p>Collection {@code audit_trail} holds one document per entry with {@code _id} = sequence (1, 2,
 * 3, ...). Each entry carries the SHA-256 of its own content ({@link AuditHash}) and the hash of the
 * entry before it, so that an edited entry no longer matches its hash, a deleted entry leaves a gap
 * and a re-hashed entry no longer matches its successor. Collection {@code audit_chain_head} holds
 * one document ({@code _id: "head"}: sequence, hash of the newest entry), so that deleting the last
 * entries is detected too. {@link #verify()} checks all of it.
 *
 * <p>Appends need no transactions (the embedded record store has none): the unique {@code _id}
 * makes a fork impossible, and a writer that loses the race for a sequence number (another app
 * instance) re-reads the end of the trail and tries again. Within one JVM appends are serialised.
 *
 * <p>Tamper-evident, not tamper-proof: whoever can write the database can rebuild the whole chain.
 * Keeping the head hash somewhere else from time to time (a report, a ticket) closes that gap.
 */
@Service
public class AuditTrail {

  static final String TRAIL = "audit_trail";
  static final String HEAD = "audit_chain_head";
  static final String HEAD_ID = "head";
  static final int MAX_APPEND_ATTEMPTS = 20;
  static final int MAX_TEXT_LENGTH = 200;

  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

  private final MongoTemplate mongo;
  private final CanonicalJson json;
  private final Clock clock;
  private final ReentrantLock appendLock = new ReentrantLock(); // not synchronized: virtual threads
  private volatile boolean indexed;

  public AuditTrail(MongoTemplate mongo, ObjectMapper objectMapper, Clock clock) {
    this.mongo = mongo;
    this.json = new CanonicalJson(objectMapper);
    this.clock = clock;
  }

  /**
   * Appends an event as the next entry of the trail.
   *
   * @throws IllegalArgumentException if the event is incomplete, a text is too long or before/after
   *     cannot be written as JSON
   * @throws IllegalStateException if other writers kept taking the next sequence number
   */
  public AuditEntry append(AuditEvent event) {
    var roles = validate(event);
    var before = json.write(event.before(), "before");
    var after = json.write(event.after(), "after");
    appendLock.lock();
    try {
      ensureIndexes();
      for (int attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
        var last = lastEntry();
        var sequence = last == null ? 1L : last.sequence() + 1;
        var previousHash = last == null ? AuditHash.GENESIS : last.hash();
        var unhashed =
            new AuditEntry(
                sequence,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), // MongoDB keeps milliseconds
                event.actor(),
                roles,
                event.action(),
                event.subjectType(),
                event.subjectId(),
                before,
                after,
                event.processInstanceKey(),
                event.taskKey(),
                previousHash,
                null);
        var entry = unhashed.withHash(AuditHash.of(unhashed));
        try {
          mongo.insert(toDocument(entry), TRAIL);
        } catch (DuplicateKeyException takenByAnotherWriter) {
          log.debug("Audit entry {} was taken by another writer (attempt {}), retrying", sequence, attempt);
          pause(attempt);
          continue;
        }
        advanceHead(entry);
        return entry;
      }
      throw new IllegalStateException(
          "Could not append to the audit trail: other writers took the next sequence number "
              + MAX_APPEND_ATTEMPTS + " times in a row");
    } finally {
      appendLock.unlock();
    }
  }

  /** Checks the whole chain: every hash, every link, no gaps, and the chain head. */
  public ChainVerification verify() {
    // The head first: entries appended while we read the trail can only put the head behind it.
    var head = mongo.findById(HEAD_ID, Document.class, HEAD);
    Long headSequence = null;
    String headHash = null;
    if (head != null) {
      headSequence = integral(head.get("sequence"));
      headHash = head.get("hash") instanceof String hash ? hash : null;
      if (headSequence == null || headSequence < 1 || headHash == null) {
        return ChainVerification.broken(
            0, null, "the chain head is unreadable (it should hold a sequence number and a hash): " + head.toJson());
      }
    }
    long expected = 1;
    long checked = 0;
    var previousHash = AuditHash.GENESIS;
    try (var documents = mongo.stream(new Query().with(Sort.by("_id")), Document.class, TRAIL)) {
      var iterator = documents.iterator();
      while (iterator.hasNext()) {
        var document = iterator.next();
        var sequence = integral(document.get("_id"));
        if (sequence == null || sequence < expected) {
          return ChainVerification.broken(
              checked, null, "the trail holds a document that is not an audit entry (_id " + document.get("_id") + ")");
        }
        if (sequence > expected) {
          return ChainVerification.broken(checked, expected, missing(expected, sequence - 1));
        }
        checked++;
        AuditEntry entry;
        try {
          entry = fromDocument(document);
        } catch (UnreadableEntry e) {
          return ChainVerification.broken(checked, sequence, "entry " + sequence + " was modified (" + e.getMessage() + ")");
        }
        if (!AuditHash.of(entry).equals(entry.hash())) {
          return ChainVerification.broken(
              checked, sequence, "entry " + sequence + " was modified (its hash does not match its content)");
        }
        if (!previousHash.equals(entry.previousHash())) {
          return ChainVerification.broken(
              checked,
              sequence,
              sequence == 1
                  ? "entry 1 does not start the chain (its previous hash is not the genesis value)"
                  : "entry " + sequence + " does not follow entry " + (sequence - 1) + " (previous hash differs)");
        }
        if (headSequence != null && sequence.equals(headSequence) && !headHash.equals(entry.hash())) {
          return ChainVerification.broken(
              checked,
              sequence,
              "entry " + sequence + " does not match the chain head (the head records another hash for it;"
                  + " was the trail rewritten from there?)");
        }
        previousHash = entry.hash();
        expected = sequence + 1;
      }
    }
    var last = expected - 1;
    if (headSequence == null) {
      return last == 0
          ? ChainVerification.intact(0)
          : ChainVerification.broken(
              checked, null, "the chain head is missing (the trail ends at " + last + "; was the head deleted?)");
    }
    if (headSequence > last) {
      // A head behind the trail is fine (the app stopped between storing an entry and moving the head).
      return ChainVerification.broken(checked, last + 1, tailMissing(headSequence, last));
    }
    return ChainVerification.intact(checked);
  }

  /** The entries with {@code from <= at < to} (either bound may be null), in sequence order. */
  public List<AuditEntry> entries(Instant from, Instant to) {
    var entries = new ArrayList<AuditEntry>();
    forEachEntry(from, to, entries::add);
    return entries;
  }

  /** Like {@link #entries}, but hands the entries over one by one without holding them all in memory. */
  public void forEachEntry(Instant from, Instant to, Consumer<? super AuditEntry> action) {
    ensureIndexes();
    try (var documents = mongo.stream(inPeriod(from, to).with(Sort.by("_id")), Document.class, TRAIL)) {
      documents.map(AuditTrail::readable).forEach(action);
    }
  }

  /** How many entries {@link #entries} would return. */
  public long count(Instant from, Instant to) {
    ensureIndexes();
    return mongo.count(inPeriod(from, to), TRAIL);
  }

  /** The entries of {@link #entries} as CSV, with a header row (RFC 4180; spreadsheet formulas neutralised). */
  public void writeCsv(Instant from, Instant to, Writer out) {
    try {
      AuditCsv.writeHeader(out);
      forEachEntry(
          from,
          to,
          entry -> {
            try {
              AuditCsv.write(out, entry);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the audit trail as CSV: " + e.getMessage(), e);
    }
  }

  private static List<String> validate(AuditEvent event) {
    if (event == null) {
      throw new IllegalArgumentException("An audit event is required");
    }
    required("actor", event.actor());
    required("action", event.action());
    atMost("subjectType", event.subjectType());
    atMost("subjectId", event.subjectId());
    var roles = event.roles() == null ? List.<String>of() : event.roles();
    for (var role : roles) {
      if (role == null || role.isBlank()) {
        throw new IllegalArgumentException("roles must not contain empty entries, got " + roles);
      }
      atMost("each role", role);
    }
    return roles;
  }

  private static void required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required (not blank)");
    }
    atMost(field, value);
  }

  private static void atMost(String field, String value) {
    if (value != null && value.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          field + " must be at most " + MAX_TEXT_LENGTH + " characters, got " + value.length());
    }
  }

  private record Last(long sequence, String hash) {}

  private Last lastEntry() {
    var query = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
    var last = mongo.findOne(query, Document.class, TRAIL);
    if (last == null) {
      return null;
    }
    var sequence = integral(last.get("_id"));
    if (sequence == null || sequence < 1) {
      throw new IllegalStateException(
          "The audit trail ends with a document that is not an audit entry (_id " + last.get("_id")
              + "); run the chain verification and remove it");
    }
    // Chain onto the stored hash even if the entry was tampered with: verify() reports that entry.
    return new Last(sequence, String.valueOf(last.get("hash")));
  }

  private void advanceHead(AuditEntry entry) {
    var behind = Query.query(Criteria.where("_id").is(HEAD_ID).and("sequence").lt(entry.sequence()));
    var update = new Update().set("sequence", entry.sequence()).set("hash", entry.hash());
    try {
      if (mongo.updateFirst(behind, update, HEAD).getMatchedCount() == 0) {
        try {
          mongo.insert(new Document("_id", HEAD_ID).append("sequence", entry.sequence()).append("hash", entry.hash()), HEAD);
        } catch (DuplicateKeyException headExists) {
          mongo.updateFirst(behind, update, HEAD); // it is ahead already, or was just created behind us
        }
      }
    } catch (RuntimeException e) {
      // The entry is stored; a head behind the trail is accepted by verify() and the next append moves it.
      log.warn("Audit entry {} is stored, but the chain head could not be moved to it: {}", entry.sequence(), e.toString());
    }
  }

  private void ensureIndexes() {
    if (indexed) {
      return;
    }
    try {
      mongo.getCollection(TRAIL).createIndex(Indexes.ascending("at"));
    } catch (RuntimeException e) {
      log.warn("Could not create the index on {}.at (exports by period will be slower): {}", TRAIL, e.toString());
    }
    indexed = true;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + 2L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while appending to the audit trail", e);
    }
  }

  private static Query inPeriod(Instant from, Instant to) {
    if (from == null && to == null) {
      return new Query();
    }
    var at = Criteria.where("at");
    if (from != null) {
      at = at.gte(Date.from(ceilToMillis(from)));
    }
    if (to != null) {
      at = at.lt(Date.from(ceilToMillis(to)));
    }
    return Query.query(at);
  }

  /** Stored times have milliseconds: {@code at >= t} is {@code at >= t rounded up}, and so is {@code at < t}. */
  private static Instant ceilToMillis(Instant instant) {
    var millis = instant.truncatedTo(ChronoUnit.MILLIS);
    return millis.equals(instant) ? millis : millis.plusMillis(1);
  }

  private static String missing(long first, long last) {
    return first == last
        ? "entry " + first + " is missing (deleted?)"
        : "entries " + first + " to " + last + " are missing (deleted?)";
  }

  private static String tailMissing(long headSequence, long last) {
    var count = headSequence - last;
    var where = "(the chain head records " + headSequence + ", " + (last == 0 ? "the trail is empty)" : "the trail ends at " + last + ")");
    if (last == 0) {
      return (count == 1 ? "the only entry is missing " : "all " + count + " entries are missing ") + where;
    }
    return (count == 1 ? "the last entry is missing " : "the last " + count + " entries are missing ") + where;
  }

  private static Document toDocument(AuditEntry e) {
    return new Document("_id", e.sequence())
        .append("at", Date.from(e.at()))
        .append("actor", e.actor())
        .append("roles", e.roles())
        .append("action", e.action())
        .append("subjectType", e.subjectType())
        .append("subjectId", e.subjectId())
        .append("before", e.before())
        .append("after", e.after())
        .append("processInstanceKey", e.processInstanceKey())
        .append("taskKey", e.taskKey())
        .append("previousHash", e.previousHash())
        .append("hash", e.hash());
  }

  private static AuditEntry readable(Document document) {
    try {
      return fromDocument(document);
    } catch (UnreadableEntry e) {
      throw new IllegalStateException(
          "Audit entry " + document.get("_id") + " cannot be read (" + e.getMessage() + "); run the chain verification");
    }
  }

  /** Strict: a value of another type than the app writes means the entry was edited. */
  private static AuditEntry fromDocument(Document d) {
    var sequence = integral(d.get("_id"));
    if (sequence == null) {
      throw new UnreadableEntry("its _id is not a sequence number");
    }
    var at = d.get("at");
    if (at != null && !(at instanceof Date)) {
      throw new UnreadableEntry(unexpectedType("at", at));
    }
    return new AuditEntry(
        sequence,
        at == null ? null : ((Date) at).toInstant(),
        text(d, "actor"),
        roles(d),
        text(d, "action"),
        text(d, "subjectType"),
        text(d, "subjectId"),
        text(d, "before"),
        text(d, "after"),
        number(d, "processInstanceKey"),
        number(d, "taskKey"),
        text(d, "previousHash"),
        text(d, "hash"));
  }

  private static String text(Document d, String field) {
    var value = d.get(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new UnreadableEntry(unexpectedType(field, value));
  }

  private static Long number(Document d, String field) {
    var value = d.get(field);
    if (value == null) {
      return null;
    }
    var number = integral(value);
    if (number == null) {
      throw new UnreadableEntry(unexpectedType(field, value));
    }
    return number;
  }

  private static List<String> roles(Document d) {
    var value = d.get("roles");
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> list)) {
      throw new UnreadableEntry(unexpectedType("roles", value));
    }
    var roles = new ArrayList<String>(list.size());
    for (var role : list) {
      if (!(role instanceof String text)) {
        throw new UnreadableEntry(
            "its roles hold " + (role == null ? "null" : "a value of type " + role.getClass().getSimpleName()) + " where the trail writes texts");
      }
      roles.add(text);
    }
    return roles;
  }

  /** Integer and Long only: a double such as 5.5 would otherwise pass for 5. */
  private static Long integral(Object value) {
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    return null;
  }

  private static String unexpectedType(String field, Object value) {
    return "its field '" + field + "' holds a value of type " + value.getClass().getSimpleName() + " where the trail writes "
        + switch (field) {
          case "at" -> "a date";
          case "processInstanceKey", "taskKey" -> "a whole number";
          case "roles" -> "a list of texts";
          default -> "a text";
        };
  }

  private static final class UnreadableEntry extends RuntimeException {
    UnreadableEntry(String message) {
      super(message, null, false, false);
    }
  }
}
