package io.github.bybitkit.cli;

import io.github.bybitkit.internal.BybitOperations;
import io.github.bybitkit.internal.OperationInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer answering every operation's path with one of its recorded responses from spec/recorded: the
 * stand-in for a live Bybit behind {@code --env <URL>}. It checks nothing; tests read {@link #requests()}.
 */
final class RecordedBybit extends Dispatcher {
  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  RecordedBybit() {
    for (OperationInfo operation : BybitOperations.all()) {
      bodies.put(operation.path(), firstSuccess(operation.operationId()));
    }
  }

  /** Answers {@code operationId} with this body from now on. */
  void answer(String operationId, String body) {
    bodies.put(BybitOperations.byId(operationId).path(), body);
  }

  /** Answers {@code operationId} with HTTP 404 and a text page from now on, as a proxy might. */
  void notFound(String operationId) {
    bodies.remove(BybitOperations.byId(operationId).path());
  }

  static String recorded(String operationId, String file) {
    try {
      return Files.readString(recordedDir().resolve(operationId).resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<RecordedRequest> requests() {
    return requests;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    String body = bodies.get(request.getUrl().encodedPath());
    if (body == null) {
      return new MockResponse.Builder().code(404).body("no such path").build();
    }
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockWebServer start(RecordedBybit dispatcher) {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(dispatcher);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server;
  }

  private static String firstSuccess(String operationId) {
    try (Stream<Path> files = Files.list(recordedDir().resolve(operationId))) {
      Path file = files.filter(f -> f.getFileName().toString().contains("docs"))
          .sorted()
          .reduce((first, later) -> later) // the newest documented example sorts last
          .orElseThrow(() -> new IllegalStateException("No recorded success for " + operationId));
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path recordedDir() {
    String configured = System.getProperty("bybitkit.specDir");
    return (configured != null ? Path.of(configured) : Path.of("..", "spec")).resolve("recorded");
  }
}
