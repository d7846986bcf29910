package com.connectopsreview.local.sandbox;

import java.util.UUID;

/**
 * Deterministic values from (seed, kind, index): every id, name and number in the scenario is a
 * pure function of these three, so any entity can be generated on its own, in any order, and the
 * same seed always gives the same contact center.
 */
public final class Seeded {

  private Seeded() {}

  /** SplitMix64's finalizer: a well-mixed 64-bit value. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  public static long hash(long seed, String kind, long index) {
    long h = mix(seed + 0x9E3779B97F4A7C15L);
    for (int i = 0; i < kind.length(); i++) {
      h = mix(h ^ kind.charAt(i));
    }
    return mix(h ^ mix(index + 0x632BE59BD9B4E019L));
  }

  /** A lower-case, version-4-shaped UUID. */
  public static String uuid(long seed, String kind, long index) {
    long hi = hash(seed, kind, index);
    long lo = hash(seed, kind + "#lo", index);
    hi = (hi & ~0xF000L) | 0x4000L;
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }

  /** 0 .. bound-1. */
  public static int pick(long seed, String kind, long index, int bound) {
    return (int) Math.floorMod(hash(seed, kind, index), (long) bound);
  }

  /** {@code length} lower-case hex digits. */
  public static String hex(long seed, String kind, long index, int length) {
    StringBuilder out = new StringBuilder(length);
    long value = hash(seed, kind, index);
    for (int i = 0; i < length; i++) {
      if (i > 0 && i % 16 == 0) {
        value = hash(seed, kind, index * 31 + i);
      }
      out.append(Character.forDigit((int) (value & 0xF), 16));
      value >>>= 4;
    }
    return out.toString();
  }
}
