package dev.clusterc.compiler.bind;

import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Item;
import java.util.List;

/**
 * A declaration of the cluster as the passes see it: its kind and name, where it was written, its
 * entries after template expansion, and what binding and layering found out about it.
 *
 * <p>For a standard-library component turned on by {@code use}, {@link #site()} is the {@code use}
 * line: that is where the user can change something.
 */
public final class Decl {
  private final Kind kind;
  private final String name;
  private final Item.Declaration source;
  private final boolean std;
  private final String label;
  private Item.Use use;
  private List<SourcedEntry> entries = List.of();
  private BoundBlock body;
  private BoundBlock useBody;
  private String layer;
  /** Records lowered from this declaration, as type, record, type, record…: most have one. */
  private Object[] lowered = {};

  public Decl(Kind kind, String name, Item.Declaration source, boolean std) {
    this.kind = kind;
    this.name = name;
    this.source = source;
    this.std = std;
    this.label = kind.keyword() + " " + name;
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  /** The declaration as written (in the standard library for std components). */
  public Item.Declaration source() {
    return source;
  }

  /** Whether the declaration comes from the standard library. */
  public boolean isStd() {
    return std;
  }

  /** The {@code use} that turned this component on, or {@code null}. */
  public Item.Use use() {
    return use;
  }

  public void use(Item.Use item) {
    this.use = item;
  }

  /** Where to point diagnostics about this declaration: its name, or the {@code use} of a std component. */
  public SourceSpan site() {
    if (std && use != null) {
      return use.name() != null ? use.name().span() : use.span();
    }
    return source.name().span();
  }

  public List<SourcedEntry> entries() {
    return entries;
  }

  public void entries(List<SourcedEntry> merged) {
    this.entries = List.copyOf(merged);
  }

  /** The bound entries; never {@code null} once the front end has run. */
  public BoundBlock body() {
    return body;
  }

  public void body(BoundBlock bound) {
    this.body = bound;
  }

  /** The bound entries of the {@code use} that turned this component on, or {@code null}. */
  public BoundBlock useBody() {
    return useBody;
  }

  public void useBody(BoundBlock bound) {
    this.useBody = bound;
  }

  /** The layer this declaration sits on, or {@code null} for cluster and node or when none could be given. */
  public String layer() {
    return layer;
  }

  public void layer(String value) {
    this.layer = value;
  }

  /** {@code app sonarr}: how messages name a declaration. */
  public String label() {
    return label;
  }

  /**
   * The record of {@code type} lowered from this declaration, or {@code null} before it is. Kept here, not
   * in a map of the model's, because every analysis makes its own declarations and one model lowers them:
   * the passes look records up many times per declaration.
   */
  public Object lowered(Class<?> type) {
    Object[] records = lowered;
    for (int i = 0; i < records.length; i += 2) {
      if (records[i] == type) {
        return records[i + 1];
      }
    }
    return null;
  }

  /** Keeps the record of {@code type} lowered from this declaration (see {@link #lowered(Class)}). */
  public void lowered(Class<?> type, Object record) {
    Object[] records = java.util.Arrays.copyOf(lowered, lowered.length + 2);
    records[records.length - 2] = type;
    records[records.length - 1] = record;
    lowered = records;
  }

  @Override
  public String toString() {
    return label();
  }
}
