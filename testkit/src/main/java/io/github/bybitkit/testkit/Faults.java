package io.github.bybitkit.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Faults queued per operation, each for its next N calls. Kinds are independent: a call takes the head of each
 * kind's queue, so a delay and a failure queued for the same call both happen. Within a kind, faults apply in the
 * order they were queued. Thread-safe.
 */
final class Faults {
  enum Kind { DROP, STATUS, CODE, DELAY, RATE_LIMIT }

  record FailWithCode(int retCode, String retMsg) {}

  record FailWithStatus(int httpStatus, String contentType, String body) {}

  record Delay(Duration delay) {}

  record Drop() {}

  record RateLimitState(int limit, int remaining, Instant resetAt) {}

  /** What the next call of an operation gets; null fields: no such fault. */
  record Active(Drop drop, FailWithStatus status, FailWithCode code, Delay delay, RateLimitState rateLimit) {
    static final Active NONE = new Active(null, null, null, null, null);
  }

  private static final class Queued {
    final Object fault;
    int remaining;

    Queued(Object fault, int remaining) {
      this.fault = fault;
      this.remaining = remaining;
    }
  }

  private final Map<String, Map<Kind, Deque<Queued>>> byOperation = new HashMap<>();

  synchronized void add(String operationId, Kind kind, int times, Object fault) {
    if (times <= 0) {
      throw new IllegalArgumentException("times must be positive, was " + times);
    }
    byOperation.computeIfAbsent(operationId, op -> new EnumMap<>(Kind.class))
        .computeIfAbsent(kind, k -> new ArrayDeque<>())
        .add(new Queued(fault, times));
  }

  /** Takes what applies to one call of the operation. */
  synchronized Active take(String operationId) {
    Map<Kind, Deque<Queued>> queues = byOperation.get(operationId);
    if (queues == null) {
      return Active.NONE;
    }
    return new Active((Drop) next(queues, Kind.DROP), (FailWithStatus) next(queues, Kind.STATUS),
        (FailWithCode) next(queues, Kind.CODE), (Delay) next(queues, Kind.DELAY),
        (RateLimitState) next(queues, Kind.RATE_LIMIT));
  }

  private static Object next(Map<Kind, Deque<Queued>> queues, Kind kind) {
    Deque<Queued> queue = queues.get(kind);
    if (queue == null || queue.isEmpty()) {
      return null;
    }
    Queued head = queue.peek();
    if (--head.remaining == 0) {
      queue.poll();
    }
    return head.fault;
  }

  synchronized void clear() {
    byOperation.clear();
  }
}
