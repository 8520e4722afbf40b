package dev.clusterc.compiler.api;

import dev.clusterc.compiler.schema.Kind;

/**
 * A test-only public class of the door's package whose public method hands out an internal type
 * on purpose, so that {@code DoorVocabularyTest} can show its rule fails on one.
 */
public final class LeakyDoorFixture {
  private LeakyDoorFixture() {}

  public static Kind kind() {
    return Kind.APP;
  }
}
