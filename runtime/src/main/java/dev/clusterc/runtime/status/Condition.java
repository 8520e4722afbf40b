package dev.clusterc.runtime.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code status.conditions}, the shape almost every controller reports in: a type, a
 * status ({@code True}, {@code False}, {@code Unknown}), a CamelCase reason and a message.
 */
record Condition(String type, String status, String reason, String message) {

  /** The conditions of {@code object}; entries without a type are left out. */
  static List<Condition> of(Map<?, ?> object) {
    List<Condition> conditions = new ArrayList<>();
    for (Object entry : Fields.list(object, "status", "conditions")) {
      if (entry instanceof Map<?, ?> map && map.get("type") instanceof String type) {
        conditions.add(new Condition(type, Fields.string(map, "", "status"), Fields.string(map, "", "reason"),
            Fields.string(map, "", "message")));
      }
    }
    return conditions;
  }

  /** The first condition of {@code type}. */
  static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> c.type.equals(type)).findFirst();
  }

  /** Whether a condition of {@code type} has {@code status}. */
  static boolean has(List<Condition> conditions, String type, String status) {
    return conditions.stream().anyMatch(c -> c.type.equals(type) && c.status.equals(status));
  }

  boolean isTrue() {
    return "True".equals(status);
  }

  boolean isFalse() {
    return "False".equals(status);
  }

  /** The reason, or {@code fallback} when the controller gave none. */
  String reasonOr(String fallback) {
    return reason.isEmpty() ? fallback : reason;
  }

  /** {@code condition Ready=False: Waiting for certificate}, the way people read a condition. */
  String describe() {
    String head = "condition " + type + "=" + (status.isEmpty() ? "?" : status);
    String why = !message.isEmpty() ? message : reason;
    return why.isEmpty() ? head : head + ": " + why;
  }
}
