package io.github.bybitkit.testkit;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.Buffer;
import okio.ByteString;

/**
 * A request as the fake reads it: the query decoded the way OkHttp encoded it, the raw query (v5 signs it as sent),
 * and the body both as text (v5 signs it) and as a flat JSON object of literal values (v2 signs those).
 */
final class IncomingRequest {
  /** A scalar of a flat JSON body: its kind and its literal text (numbers as written, booleans true/false). */
  record Field(Kind kind, String text) {
    enum Kind { STRING, NUMBER, BOOLEAN, NULL }
  }

  final String method;
  final String path;
  /** The query exactly as on the request line, "" when there is none. */
  final String rawQuery;
  /** The query parameters, decoded, in wire order; the first value of a repeated name. */
  final Map<String, String> query;
  /** A query parameter name that appears more than once, or null. */
  final String repeatedQueryName;
  final Headers headers;
  final String body;
  /** The body as a flat JSON object, or null when there is no body or it is not one (see {@link #bodyProblem}). */
  final Map<String, Field> bodyFields;
  /** Why the body is not a flat JSON object, or null. */
  final String bodyProblem;

  IncomingRequest(RecordedRequest request) {
    this.method = request.getMethod();
    HttpUrl url = request.getUrl();
    this.path = url.encodedPath();
    String target = request.getTarget();
    int q = target.indexOf('?');
    this.rawQuery = q < 0 ? "" : target.substring(q + 1);
    Map<String, String> params = new LinkedHashMap<>();
    String repeated = null;
    for (int i = 0; i < url.querySize(); i++) {
      String value = url.queryParameterValue(i);
      if (params.putIfAbsent(url.queryParameterName(i), value == null ? "" : value) != null && repeated == null) {
        repeated = url.queryParameterName(i);
      }
    }
    this.query = Collections.unmodifiableMap(params);
    this.repeatedQueryName = repeated;
    this.headers = request.getHeaders();
    ByteString bytes = request.getBody();
    this.body = bytes == null ? "" : bytes.utf8();
    Map<String, Field> fields = null;
    String problem = null;
    if (!body.isEmpty()) {
      try {
        fields = readFlatObject(body);
      } catch (IOException | RuntimeException e) {
        problem = "the request body is not a flat JSON object: " + e.getMessage();
      }
    }
    this.bodyFields = fields == null ? null : Collections.unmodifiableMap(fields);
    this.bodyProblem = problem;
  }

  private static Map<String, Field> readFlatObject(String json) throws IOException {
    Map<String, Field> fields = new LinkedHashMap<>();
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        Field field = switch (reader.peek()) {
          case STRING -> new Field(Field.Kind.STRING, reader.nextString());
          case NUMBER -> new Field(Field.Kind.NUMBER, reader.nextString());
          case BOOLEAN -> new Field(Field.Kind.BOOLEAN, Boolean.toString(reader.nextBoolean()));
          case NULL -> {
            reader.nextNull();
            yield new Field(Field.Kind.NULL, "null");
          }
          default -> throw new IllegalArgumentException("'" + name + "' is " + reader.peek());
        };
        if (fields.putIfAbsent(name, field) != null) {
          throw new IllegalArgumentException("'" + name + "' is repeated");
        }
      }
      reader.endObject();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("data after the object");
      }
    }
    return fields;
  }

  /**
   * The request's parameters as v2 sees them, all as text: the query of a GET, the body fields (nulls left out) of
   * anything else.
   */
  Map<String, String> v2Parameters() {
    if (method.equals("GET")) {
      return query;
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (bodyFields != null) {
      bodyFields.forEach((name, field) -> {
        if (field.kind() != Field.Kind.NULL) {
          params.put(name, field.text());
        }
      });
    }
    return params;
  }
}
