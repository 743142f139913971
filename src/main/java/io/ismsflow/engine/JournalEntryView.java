package io.ismsflow.engine;

import java.time.Instant;

/** One journaled engine event of a process instance, in position order. */
public record JournalEntryView(
    long position, Instant timestamp, String valueType, String intent, String elementId, long key) {}
