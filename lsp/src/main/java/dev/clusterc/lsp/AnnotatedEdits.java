package dev.clusterc.lsp;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import org.eclipse.lsp4j.AnnotatedTextEdit;
import org.eclipse.lsp4j.TextEdit;

/**
 * Writes an {@link AnnotatedTextEdit} with its {@code annotationId} where the protocol's types say
 * {@link TextEdit} (a {@code TextDocumentEdit}'s edits): LSP4J writes by the declared type, which
 * would drop the id, and the editor would apply an edit that needs confirmation without asking.
 */
final class AnnotatedEdits implements TypeAdapterFactory {
  private AnnotatedEdits() {}

  /** Registers the factory with LSP4J's JSON configuration. */
  static void register(GsonBuilder builder) {
    builder.registerTypeAdapterFactory(new AnnotatedEdits());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    if (type.getRawType() != TextEdit.class) {
      return null;
    }
    TypeAdapter<TextEdit> plain = gson.getDelegateAdapter(this, TypeToken.get(TextEdit.class));
    TypeAdapter<AnnotatedTextEdit> annotated = gson.getAdapter(AnnotatedTextEdit.class);
    return (TypeAdapter<T>) new TypeAdapter<TextEdit>() {
      @Override
      public void write(JsonWriter out, TextEdit edit) throws IOException {
        if (edit instanceof AnnotatedTextEdit withId) {
          annotated.write(out, withId);
        } else {
          plain.write(out, edit);
        }
      }

      @Override
      public TextEdit read(JsonReader in) throws IOException {
        return plain.read(in);
      }
    };
  }
}
