package dev.clusterc.runtime.inventory;

/**
 * The inventory cannot be used or prune must not run: a parent another tool owns, a record that
 * cannot be read, an empty desired set. The message says what is wrong and what to do.
 */
public final class InventoryException extends RuntimeException {
  public InventoryException(String message) {
    super(message);
  }
}
