package io.github.bybitkit.recording;

import com.squareup.moshi.JsonReader;
import io.github.bybitkit.internal.BybitEndpoint;
import io.github.bybitkit.internal.Endpoints;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * An opt-in OkHttp interceptor that stores each response of a BybitKit operation, redacted, as
 * {@code <dir>/<operationId>/<time>.json}: the layout of {@code spec/recorded/}, so fresh responses from Bybit can be
 * checked against the spec by the drift report (see {@code generated-sources-readme.md}).
 *
 * <pre>{@code
 * OkHttpClient http = new OkHttpClient.Builder()
 *     .addInterceptor(new RecordingInterceptor(Path.of("spec/recorded")))
 *     .build();
 * BybitClient bybit = BybitClient.builder().baseUrl(BybitClient.TESTNET).okHttpClient(http)...build();
 * }</pre>
 *
 * <p>What is stored: only the response body, after {@link ResponseRedactor} replaced every identifying value by a
 * fake of the same type and shape. Never the request (its query or body carries {@code api_key} and {@code sign}) and
 * never a header. Only HTTP 200 responses with a JSON body of at most {@link #MAX_BODY_BYTES} bytes, made through a
 * BybitKit client (the operation comes from the request's {@link BybitEndpoint}); anything else passes untouched.
 * Envelopes with a non-zero return code are stored as {@code error-<time>.json}, as {@code spec/recorded/} names them.
 *
 * <p>Files: names are UTC times to the microsecond ({@code 20260412T103015.123456Z.json}), so they sort by time; a
 * taken name moves the time on by a microsecond, so no file is ever overwritten. Each file is written to a temporary
 * file in the same directory first and then linked (or moved) into place, so a reader never sees half a file. A
 * failure to record is logged (level WARNING) and never fails the call: the caller always gets the response, body
 * intact.
 *
 * <p>Thread-safe; share one instance.
 */
public final class RecordingInterceptor implements Interceptor {
  /** Larger bodies are not recorded. */
  public static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  private static final System.Logger LOG = System.getLogger(RecordingInterceptor.class.getName());
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final JsonReader.Options CODE_NAMES = JsonReader.Options.of("ret_code", "retCode");

  private final Path dir;
  private final ResponseRedactor redactor;
  private final Clock clock;

  /**
   * Records into {@code dir}, redacting with a random key (fakes are consistent within this interceptor).
   *
   * @param dir the directory that gets one subdirectory per operation, e.g. {@code spec/recorded}
   */
  public RecordingInterceptor(Path dir) {
    this(builder(dir));
  }

  private RecordingInterceptor(Builder builder) {
    this.dir = builder.dir;
    this.redactor = builder.redactionKey != null ? new ResponseRedactor(builder.redactionKey) : new ResponseRedactor();
    this.clock = builder.clock;
  }

  /**
   * @param dir the directory that gets one subdirectory per operation, e.g. {@code spec/recorded}
   */
  public static Builder builder(Path dir) {
    return new Builder(dir);
  }

  /** The directory this interceptor records into. */
  public Path directory() {
    return dir;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    BybitEndpoint endpoint = Endpoints.of(chain.request());
    if (endpoint == null || response.code() != 200) {
      return response;
    }
    try {
      record(endpoint.operationId(), response);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not record the response of " + endpoint.operationId() + ": " + e);
    }
    return response;
  }

  private void record(String operationId, Response response) throws IOException {
    BufferedSource source = response.body().source();
    if (source.request(MAX_BODY_BYTES + 1)) {
      LOG.log(Level.WARNING, "Not recording the response of " + operationId + ": larger than " + MAX_BODY_BYTES
          + " bytes");
      return;
    }
    // A copy of the buffered body: the caller still reads all of it.
    String body = source.getBuffer().snapshot().string(StandardCharsets.UTF_8);
    String redacted;
    try {
      redacted = redactor.redact(body);
    } catch (IllegalArgumentException e) {
      LOG.log(Level.WARNING, "Not recording the response of " + operationId + ": the body is not JSON");
      return;
    }
    String prefix = isErrorEnvelope(body) ? "error-" : "";
    Path file = write(dir.resolve(operationId), prefix, redacted.getBytes(StandardCharsets.UTF_8));
    LOG.log(Level.INFO, "Recorded the response of " + operationId + " to " + file);
  }

  /** Whether the top-level return code ({@code ret_code} v2, {@code retCode} v5) is a number other than 0. */
  private static boolean isErrorEnvelope(String body) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return false;
      }
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.selectName(CODE_NAMES) < 0) {
          reader.skipName();
        } else if (reader.peek() == JsonReader.Token.NUMBER) {
          return new BigDecimal(reader.nextString()).signum() != 0;
        }
        reader.skipValue();
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Writes a new file in {@code operationDir}, named by the clock; never replaces a file. */
  private Path write(Path operationDir, String prefix, byte[] content) throws IOException {
    Files.createDirectories(operationDir);
    Path temp = Files.createTempFile(operationDir, ".recording-", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Instant time = clock.instant().truncatedTo(ChronoUnit.MICROS);
      while (true) {
        Path target = operationDir.resolve(prefix + FILE_TIME.format(time) + ".json");
        try {
          publish(temp, target);
          return target;
        } catch (FileAlreadyExistsException e) {
          time = time.plus(1, ChronoUnit.MICROS);
        }
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Makes {@code temp} appear as {@code target} in one step, failing if {@code target} exists. A hard link cannot
   * replace a file; where links are not supported, a move without REPLACE_EXISTING refuses to replace one too.
   */
  private static void publish(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | FileSystemException e) {
      Files.move(temp, target);
    }
  }

  @Override
  public String toString() {
    return "RecordingInterceptor(" + dir + ")";
  }

  /** Options of a {@link RecordingInterceptor}. */
  public static final class Builder {
    private final Path dir;
    private byte[] redactionKey;
    private Clock clock = Clock.systemUTC();

    private Builder(Path dir) {
      this.dir = Objects.requireNonNull(dir, "dir");
    }

    /**
     * The key the fakes derive from: with the same key, the same value gets the same fake in every recording, so
     * re-recording an account changes no ids. Keep it private (see {@link ResponseRedactor}). Default: a random key.
     *
     * @throws IllegalArgumentException if the key is empty
     */
    public Builder redactionKey(byte[] key) {
      if (Objects.requireNonNull(key, "key").length == 0) {
        throw new IllegalArgumentException("The redaction key must not be empty");
      }
      this.redactionKey = key.clone();
      return this;
    }

    /** The clock that names the files. Default: the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public RecordingInterceptor build() {
      return new RecordingInterceptor(this);
    }
  }
}
