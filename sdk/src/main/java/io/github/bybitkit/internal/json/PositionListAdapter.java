package io.github.bybitkit.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.github.bybitkit.inverseperpetual.model.BybitPosition;
import io.github.bybitkit.inverseperpetual.model.BybitPositionListEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result of My Position in both of its forms: one position (symbol given) or a list of
 * {@code {is_valid, data}} entries (no symbol). Entries Bybit marks invalid are left out, as its documentation says
 * their data must not be used. Delegates to the generated adapters, so strictness carries over.
 */
public final class PositionListAdapter extends JsonAdapter<List<BybitPosition>>
    implements ByteJsonAdapter<List<BybitPosition>> {
  private final BybitPositionJsonAdapter position;
  private final BybitPositionListEntryJsonAdapter entry;

  public PositionListAdapter(Moshi moshi, boolean strict) {
    this.position = new BybitPositionJsonAdapter(moshi, strict);
    this.entry = new BybitPositionListEntryJsonAdapter(moshi, strict);
  }

  @Override
  public List<BybitPosition> fromJson(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case NULL:
        return reader.nextNull();
      case BEGIN_OBJECT:
        return List.of(position.fromJson(reader));
      case BEGIN_ARRAY:
        List<BybitPosition> positions = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          BybitPositionListEntry e = entry.fromJson(reader);
          if (e != null && !Boolean.FALSE.equals(e.isValid()) && e.data() != null) {
            positions.add(e.data());
          }
        }
        reader.endArray();
        return Collections.unmodifiableList(positions);
      default:
        throw new JsonDataException("Expected a position or a list of positions but was " + reader.peek()
            + " at " + reader.getPath());
    }
  }

  @Override
  public List<BybitPosition> fromBytes(ByteJsonReader reader) {
    if (reader.nextIsNull()) {
      return null;
    }
    if (reader.atObject()) {
      return List.of(position.fromBytes(reader));
    }
    List<BybitPosition> positions = new ArrayList<>();
    reader.beginArray(); // gives up on anything but an array
    while (reader.hasNextElement()) {
      BybitPositionListEntry e = entry.fromBytes(reader);
      if (e != null && !Boolean.FALSE.equals(e.isValid()) && e.data() != null) {
        positions.add(e.data());
      }
    }
    return Collections.unmodifiableList(positions);
  }

  @Override
  public void toJson(JsonWriter writer, List<BybitPosition> value) throws IOException {
    if (value == null) {
      writer.nullValue();
      return;
    }
    writer.beginArray();
    for (BybitPosition p : value) {
      entry.toJson(writer, new BybitPositionListEntry(true, p));
    }
    writer.endArray();
  }

  @Override
  public String toString() {
    return "PositionListAdapter";
  }
}
