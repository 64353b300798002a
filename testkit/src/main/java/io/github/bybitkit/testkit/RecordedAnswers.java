package io.github.bybitkit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The recorded responses of {@code spec/recorded/<operationId>/<name>.json}, packaged as resources of the test kit
 * under {@value #ROOT}. They are found through the packaged {@code README.md}, so the listing works whether the
 * resources are a directory (an IDE, the module's own tests) or a jar, with or without directory entries.
 */
final class RecordedAnswers {
  static final String ROOT = "io/github/bybitkit/testkit/recorded";
  private static final String ANCHOR = ROOT + "/README.md";

  /** One recorded response body. */
  record Recorded(String operationId, String name, String json) {
    Object tree() {
      return Json.parse(json);
    }

    /** Whether Bybit said OK in it (ret_code or retCode 0). */
    boolean success() {
      Map<String, Object> envelope = Json.object(tree());
      Object code = envelope.containsKey("ret_code") ? envelope.get("ret_code") : envelope.get("retCode");
      return code instanceof Json.Num n && n.decimal().signum() == 0;
    }

    /** Captures of BybitKit's RecordingInterceptor, named by UTC time (20260412T103015.123456Z.json). */
    boolean captured() {
      return name.matches("\\d{8}T.*");
    }
  }

  /**
   * The order in which success files become answers: real captures first (newest first, their names sort by time),
   * then documentation examples (newest first: docs-2023 before docs-2021), then anything derived (empty-*, ...).
   */
  static final Comparator<Recorded> PREFERENCE = Comparator
      .comparingInt((Recorded r) -> r.captured() ? 0 : r.name().contains("docs") ? 1 : 2)
      .thenComparing(Recorded::name, Comparator.reverseOrder());

  private final Map<String, List<Recorded>> byOperation;

  private RecordedAnswers(Map<String, List<Recorded>> byOperation) {
    this.byOperation = byOperation;
  }

  /** Every recorded response the class loader sees under {@value #ROOT}. */
  static RecordedAnswers load(ClassLoader loader) {
    URL anchor = loader.getResource(ANCHOR);
    if (anchor == null) {
      throw new IllegalStateException(ANCHOR + " is not on the class path: the test kit's jar lacks its recorded"
          + " responses");
    }
    Map<String, List<Recorded>> byOperation = new TreeMap<>();
    for (String relative : list(anchor)) {
      int slash = relative.indexOf('/');
      String operationId = relative.substring(0, slash);
      String name = relative.substring(slash + 1, relative.length() - ".json".length());
      byOperation.computeIfAbsent(operationId, k -> new ArrayList<>())
          .add(new Recorded(operationId, name, read(loader, ROOT + "/" + relative)));
    }
    byOperation.replaceAll((op, files) -> files.stream().sorted(PREFERENCE).toList());
    return new RecordedAnswers(byOperation);
  }

  /** The operations that have recorded responses. */
  java.util.Set<String> operations() {
    return byOperation.keySet();
  }

  /** All recorded responses of an operation, errors included, in {@link #PREFERENCE} order. */
  List<Recorded> all(String operationId) {
    return byOperation.getOrDefault(operationId, List.of());
  }

  /** The success responses of an operation, in {@link #PREFERENCE} order. */
  List<Recorded> successes(String operationId) {
    return all(operationId).stream().filter(Recorded::success).toList();
  }

  /**
   * The answer the fake gives when nothing else decides it: the preferred success response.
   *
   * @throws IllegalStateException when the operation has no recorded success response
   */
  Recorded defaultAnswer(String operationId) {
    List<Recorded> successes = successes(operationId);
    if (successes.isEmpty()) {
      throw new IllegalStateException("spec/recorded/" + operationId + "/ has no success response to answer with");
    }
    return successes.get(0);
  }

  // ---------------------------------------------------------------- listing

  /** Paths {@code <operationId>/<name>.json} relative to {@link #ROOT}, found next to the anchor. */
  private static List<String> list(URL anchor) {
    try {
      if (anchor.getProtocol().equals("file")) {
        return listDirectory(Path.of(anchor.toURI()).getParent());
      }
      URLConnection connection = anchor.openConnection();
      if (connection instanceof JarURLConnection jar) {
        // Not cached: the JarFile is ours to close, and a cached one may belong to the class loader.
        jar.setUseCaches(false);
        try (JarFile file = jar.getJarFile()) {
          return listJar(file, jar.getEntryName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the recorded responses next to " + anchor, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot list the recorded responses next to " + anchor, e);
    }
    throw new IllegalStateException("cannot list the recorded responses in " + anchor
        + ": only directories and jars are supported");
  }

  private static List<String> listDirectory(Path root) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> operations = Files.list(root)) {
      for (Path operation : operations.filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.list(operation)) {
          files.filter(f -> f.getFileName().toString().endsWith(".json"))
              .forEach(f -> found.add(operation.getFileName() + "/" + f.getFileName()));
        }
      }
    }
    return found;
  }

  static List<String> listJar(JarFile jar, String anchorEntry) {
    String prefix = anchorEntry.substring(0, anchorEntry.lastIndexOf('/') + 1);
    TreeSet<String> found = new TreeSet<>();
    Enumeration<JarEntry> entries = jar.entries();
    while (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      if (name.startsWith(prefix) && name.endsWith(".json")) {
        String relative = name.substring(prefix.length());
        // Exactly <operationId>/<file>.json.
        if (relative.indexOf('/') > 0 && relative.indexOf('/') == relative.lastIndexOf('/')) {
          found.add(relative);
        }
      }
    }
    return new ArrayList<>(found);
  }

  private static String read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " was listed but cannot be read");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
