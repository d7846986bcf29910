package com.connectopsreview.shared.store;

import com.connectopsreview.shared.model.ReviewIds;
import java.util.regex.Pattern;

/** Validation of the names adapters turn into keys and paths; blocks traversal and key injection. */
public final class StoreNames {

  private static final Pattern COMPONENT = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Pattern ARTIFACT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");

  /** Names adapters use for their own objects (e.g. S3's reviews/{id}/manifest.json). */
  private static final java.util.Set<String> RESERVED = java.util.Set.of("manifest", "report", "index");

  private StoreNames() {}

  public static String reviewId(String reviewId) {
    if (!ReviewIds.isValid(reviewId)) {
      throw new IllegalArgumentException("invalid reviewId '" + reviewId + "'");
    }
    return reviewId;
  }

  public static String component(String component) {
    if (component == null || !COMPONENT.matcher(component).matches()) {
      throw new IllegalArgumentException("invalid component name '" + component + "'");
    }
    if (RESERVED.contains(component)) {
      throw new IllegalArgumentException("component name '" + component + "' is reserved");
    }
    return component;
  }

  public static String artifact(String name) {
    if (name == null || !ARTIFACT.matcher(name).matches() || name.contains("..")) {
      throw new IllegalArgumentException("invalid artifact name '" + name + "'");
    }
    return name;
  }

  /** True if {@link #component} would accept the name; for filtering listings without throwing. */
  public static boolean isComponent(String name) {
    return name != null && COMPONENT.matcher(name).matches() && !RESERVED.contains(name);
  }

  public static String instanceId(String instanceId) {
    if (instanceId == null || !INSTANCE_ID.matcher(instanceId).matches()) {
      throw new IllegalArgumentException("invalid instance id '" + instanceId + "'");
    }
    return instanceId;
  }
}
