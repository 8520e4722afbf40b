package dev.clusterc.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutations that know what a declaration is: a reference swapped for the name of a declaration of
 * another kind, a declaration deleted, duplicated (as is, under the name of a declaration of another
 * kind, or many times under fresh names) or renamed to a name someone else owns. These reach name
 * resolution, the whole-cluster rules and the unit naming of the emitters.
 */
final class DeclarationMutator {
  private static final List<String> NAMES = List.of("flux-system", "kube-system", "default", "flux", "talos",
      "cluster", "kustomization", "sops-age", "a", "x".repeat(250), "apps", "crds", "controllers", "platform");

  /** A declaration and the file it is in. */
  private record Located(String path, TokenText.Declaration declaration) {}

  private DeclarationMutator() {}

  static String mutate(FuzzInput input, Random random) {
    List<Located> all = new ArrayList<>();
    for (String path : input.clusterFiles()) {
      for (TokenText.Declaration d : TokenText.lex(input.text(path)).declarations()) {
        all.add(new Located(path, d));
      }
    }
    if (all.isEmpty()) {
      return null;
    }
    Located target = all.get(random.nextInt(all.size()));
    TokenText text = TokenText.lex(input.text(target.path()));
    TokenText.Declaration d = find(text, target.declaration());
    if (d == null) {
      return null;
    }
    String what;
    switch (random.nextInt(7)) {
      case 0 -> {
        Located other = otherKind(all, d.kind(), random);
        List<Integer> places = text.innerIdentifiers();
        if (other == null || places.isEmpty()) {
          return null;
        }
        List<Integer> references = places.stream()
            .filter(i -> all.stream().anyMatch(l -> l.declaration().name().equals(text.pieces.get(i).text()))).toList();
        List<Integer> from = references.isEmpty() ? places : references;
        int at = from.get(random.nextInt(from.size()));
        what = "reference `" + text.pieces.get(at).text() + "` swapped for " + other.declaration().kind() + " "
            + other.declaration().name();
        text.pieces.set(at, text.pieces.get(at).withText(other.declaration().name()));
        input.put(target.path(), text.join());
      }
      case 1 -> {
        what = "deleted " + d.kind() + " " + d.name();
        for (int i = d.end(); i >= d.start(); i--) {
          text.pieces.remove(i);
        }
        input.put(target.path(), text.join());
      }
      case 2 -> {
        String destination = input.clusterFiles().get(random.nextInt(input.clusterFiles().size()));
        what = "duplicated " + d.kind() + " " + d.name() + " into " + destination;
        input.put(destination, input.text(destination) + "\n" + text.text(d.start(), d.end()) + "\n");
      }
      case 3 -> {
        Located other = otherKind(all, d.kind(), random);
        if (other == null) {
          return null;
        }
        TokenText otherText = TokenText.lex(input.text(other.path()));
        TokenText.Declaration o = find(otherText, other.declaration());
        if (o == null) {
          return null;
        }
        otherText.pieces.set(o.nameIndex(), otherText.pieces.get(o.nameIndex()).withText(d.name()));
        what = "a copy of " + o.kind() + " " + o.name() + " named " + d.name() + " like the " + d.kind();
        input.put(target.path(), input.text(target.path()) + "\n" + otherText.text(o.start(), o.end()) + "\n");
      }
      case 4 -> {
        String name = random.nextBoolean() ? NAMES.get(random.nextInt(NAMES.size())) : all.get(random.nextInt(all.size())).declaration().name();
        what = "renamed " + d.kind() + " " + d.name() + " to " + (name.length() > 40 ? name.length() + " characters" : name);
        text.pieces.set(d.nameIndex(), text.pieces.get(d.nameIndex()).withText(name));
        input.put(target.path(), text.join());
      }
      case 5 -> {
        int copies = 2 + random.nextInt(random.nextInt(6) == 0 ? 400 : 20);
        what = copies + " renamed copies of " + d.kind() + " " + d.name();
        StringBuilder extra = new StringBuilder(input.text(target.path())).append('\n');
        for (int k = 0; k < copies; k++) {
          text.pieces.set(d.nameIndex(), text.pieces.get(d.nameIndex()).withText(d.name() + "-c" + k));
          extra.append(text.text(d.start(), d.end())).append('\n');
        }
        input.put(target.path(), extra.toString());
      }
      default -> {
        Located other = all.get(random.nextInt(all.size()));
        what = "moved " + d.kind() + " " + d.name() + " next to " + other.declaration().name() + " in " + other.path();
        String body = text.text(d.start(), d.end());
        for (int i = d.end(); i >= d.start(); i--) {
          text.pieces.remove(i);
        }
        input.put(target.path(), text.join());
        input.put(other.path(), input.text(other.path()) + "\n" + body + "\n");
      }
    }
    return what;
  }

  /** The declaration in a freshly lexed text (token indices change with every edit). */
  private static TokenText.Declaration find(TokenText text, TokenText.Declaration wanted) {
    for (TokenText.Declaration d : text.declarations()) {
      if (d.start() == wanted.start() && d.name().equals(wanted.name())) {
        return d;
      }
    }
    return null;
  }

  private static Located otherKind(List<Located> all, String kind, Random random) {
    List<Located> others = all.stream().filter(l -> !l.declaration().kind().equals(kind)
        && !l.declaration().kind().equals("use") && !l.declaration().kind().equals("template")).toList();
    return others.isEmpty() ? null : others.get(random.nextInt(others.size()));
  }
}
