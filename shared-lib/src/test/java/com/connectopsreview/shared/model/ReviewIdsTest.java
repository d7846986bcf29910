package com.connectopsreview.shared.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewIdsTest {

  @Test
  void newId_sortsByCreationTimeAndIsUnique() {
    List<String> ids = new ArrayList<>();
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 500; i++) {
      ids.add(ReviewIds.newId(Clock.fixed(t.plusSeconds(i), ZoneOffset.UTC)));
    }

    assertEquals(ids, ids.stream().sorted().toList());
    assertEquals(500, new HashSet<>(ids).size());
    assertTrue(ids.get(0).startsWith("20260101T000000Z-"), ids.get(0));
    assertTrue(ids.stream().allMatch(ReviewIds::isValid));
  }

  @Test
  void newId_sameSecond_stillUnique() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    HashSet<String> ids = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      ids.add(ReviewIds.newId(clock));
    }
    assertEquals(2000, ids.size());
  }

  @Test
  void isValid_rejectsUnsafeIds() {
    assertTrue(ReviewIds.isValid("weekly-2026.11_a"));
    assertFalse(ReviewIds.isValid("../etc"));
    assertFalse(ReviewIds.isValid("a/b"));
    assertFalse(ReviewIds.isValid("a..b"));
    assertFalse(ReviewIds.isValid("-leading-dash"));
    assertFalse(ReviewIds.isValid("x".repeat(65)));
    assertFalse(ReviewIds.isValid(""));
    assertFalse(ReviewIds.isValid("a#b"));
  }
}
