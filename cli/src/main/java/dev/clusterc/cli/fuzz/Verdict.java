package dev.clusterc.cli.fuzz;

/**
 * The oracle's judgement of one input: its outcome, and for a failure a signature that identifies
 * the bug (an exception's type and top frame, or the kind of misbehaviour) plus the details a
 * reproducer needs (commands, exit codes, what they printed, what changed on disk).
 */
record Verdict(Outcome outcome, String signature, String details) {
  static Verdict of(Outcome outcome, String details) {
    return new Verdict(outcome, outcome.name().toLowerCase(), details);
  }

  static Verdict failure(Outcome outcome, String signature, String details) {
    return new Verdict(outcome, outcome.name().toLowerCase() + ": " + signature, details);
  }

  /** "Type at top frame", and the first clusterc frame when the top frame is not clusterc's. */
  static String signatureOf(Throwable e) {
    return e.getClass().getName() + " at " + frames(e.getStackTrace());
  }

  /** The top frame of a stack, and the first clusterc frame below it when the top is not clusterc's. */
  static String frames(StackTraceElement[] stack) {
    if (stack.length == 0) {
      return "(no stack)";
    }
    String top = frame(stack[0]);
    if (stack[0].getClassName().startsWith("dev.clusterc.")) {
      return top;
    }
    for (StackTraceElement element : stack) {
      if (element.getClassName().startsWith("dev.clusterc.") && !element.getClassName().startsWith("dev.clusterc.cli.fuzz.")) {
        return top + " via " + frame(element);
      }
    }
    return top;
  }

  /**
   * Where a hung thread is, for a timeout's signature: the first clusterc method on its stack,
   * without a line number, since a sample of a loop or a blocked read lands on varying lines.
   */
  static String hungIn(StackTraceElement[] stack) {
    for (StackTraceElement element : stack) {
      String name = element.getClassName();
      if (name.startsWith("dev.clusterc.") && !name.startsWith("dev.clusterc.cli.fuzz.")) {
        return name.substring(name.lastIndexOf('.') + 1) + "." + element.getMethodName();
      }
    }
    return stack.length == 0 ? "(no stack)" : frame(stack[0]);
  }

  private static String frame(StackTraceElement element) {
    String name = element.getClassName();
    return name.substring(name.lastIndexOf('.') + 1) + "." + element.getMethodName()
        + "(" + element.getFileName() + ":" + element.getLineNumber() + ")";
  }
}
