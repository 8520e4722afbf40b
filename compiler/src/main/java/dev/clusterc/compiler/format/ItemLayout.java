package dev.clusterc.compiler.format;

import dev.clusterc.compiler.syntax.Item;
import java.util.List;

/**
 * Top-level items: {@code import "path"}, {@code use NAME [{ … }]},
 * {@code template NAME(p: type = default) for KIND { … }} and {@code KIND NAME [from T(args)] [{ … }]}.
 * Consecutive single-line declarations of one kind pad their names, so that what follows the
 * names ({@code {} or {@code from}) starts in one column.
 */
final class ItemLayout {
  private final Out out;
  private final OriginalText original;
  private final ValueLayout values;
  private final BlockLayout blocks;
  private final ParenLayout parens;

  ItemLayout(Out out, OriginalText original, ValueLayout values, BlockLayout blocks) {
    this.out = out;
    this.original = original;
    this.values = values;
    this.blocks = blocks;
    this.parens = new ParenLayout(out, original, values);
  }

  void write(List<Item> items) {
    int[] nameWidth = alignment(items);
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      out.line(0, item.span().start());
      if (nameWidth[i] > 0) {
        Item.Declaration declaration = (Item.Declaration) item;
        String name = kindAndName(declaration);
        String rest = flatHeader(declaration).substring(name.length());
        String body = declaration.body() == null ? "" : " " + blocks.flat(declaration.body(), false);
        boolean followed = !rest.isEmpty() || !body.isEmpty();
        out.append(name + (followed ? " ".repeat(nameWidth[i] - name.length()) : "") + rest + body);
      } else {
        writeItem(item);
      }
      out.wrote(item.span().end());
    }
  }

  /** For each single-line declaration, the width its {@code KIND NAME} is padded to; 0 for any other item. */
  private int[] alignment(List<Item> items) {
    int[] width = new int[items.size()];
    int runStart = 0;
    for (int i = 0; i <= items.size(); i++) {
      boolean single = i < items.size() && isSingleLine(items.get(i));
      boolean joins = single && i > runStart && sameKind(items.get(i - 1), items.get(i))
          && !separated(items.get(i - 1), items.get(i));
      if (!joins) {
        int longest = 0;
        for (int j = runStart; j < i; j++) {
          longest = Math.max(longest, kindAndName((Item.Declaration) items.get(j)).length());
        }
        for (int j = runStart; j < i; j++) {
          width[j] = Math.max(longest, 1);
        }
        runStart = single ? i : i + 1;
      }
    }
    return width;
  }

  private boolean isSingleLine(Item item) {
    if (!(item instanceof Item.Declaration declaration)) {
      return false;
    }
    String header = flatHeader(declaration);
    if (header == null || declaration.body() == null) {
      return header != null;
    }
    String body = blocks.flat(declaration.body(), false);
    return body != null && BlockLayout.fits(header.length() + 1, declaration.body(), body);
  }

  private static boolean sameKind(Item previous, Item next) {
    return ((Item.Declaration) previous).kind().text().equals(((Item.Declaration) next).kind().text());
  }

  private boolean separated(Item previous, Item next) {
    int from = previous.span().end();
    int to = next.span().start();
    return original.blankLineBetween(from, to) || original.hasOwnLineComment(from, to);
  }

  private static String kindAndName(Item.Declaration declaration) {
    return declaration.kind().text() + " " + declaration.name().text();
  }

  /** {@code KIND NAME [from TEMPLATE(args)]} on one line, or {@code null} when the arguments span lines. */
  private String flatHeader(Item.Declaration declaration) {
    String header = declaration.kind().text() + " " + declaration.name().text();
    Item.TemplateCall call = declaration.from();
    if (call == null) {
      return header;
    }
    header += " from " + call.template().text();
    if (call.args().isEmpty()) {
      return header;
    }
    String args = parens.flat(ParenLayout.args(call.args()), call.template().span().end(), call.span().end());
    return args == null ? null : header + args;
  }

  private void writeItem(Item item) {
    if (item instanceof Item.Import imp) {
      out.append("import " + values.literals().string(imp.path()));
    } else if (item instanceof Item.Use use) {
      out.append("use " + use.name().text());
      if (use.body() != null) {
        out.append(" ");
        blocks.write(use.body(), 0, false);
      }
    } else if (item instanceof Item.Template template) {
      out.append("template " + template.name().text());
      parens.write(ParenLayout.params(template.params()), 0, template.name().span().end(), template.kind().span().start());
      out.append(" for " + template.kind().text() + " ");
      blocks.write(template.body(), 0, false);
    } else {
      writeDeclaration((Item.Declaration) item);
    }
  }

  private void writeDeclaration(Item.Declaration declaration) {
    out.append(declaration.kind().text() + " " + declaration.name().text());
    Item.TemplateCall call = declaration.from();
    if (call != null) {
      out.append(" from " + call.template().text());
      if (!call.args().isEmpty()) {
        parens.write(ParenLayout.args(call.args()), 0, call.template().span().end(), call.span().end());
      }
    }
    if (declaration.body() != null) {
      out.append(" ");
      blocks.write(declaration.body(), 0, false);
    }
  }
}
