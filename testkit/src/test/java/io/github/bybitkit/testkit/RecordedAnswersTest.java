package io.github.bybitkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorded responses packaged in the test kit are those of spec/recorded, and every operation has an answer. */
class RecordedAnswersTest {
  private static final Path SPEC_RECORDED = Path.of(System.getProperty("bybitkit.specDir", "../spec"), "recorded");
  private final RecordedAnswers answers = RecordedAnswers.load(RecordedAnswersTest.class.getClassLoader());

  @Test
  void everyOperationOfTheSpecHasARecordedSuccessAnswer() {
    for (OperationInfo op : BybitOperations.all()) {
      RecordedAnswers.Recorded answer = answers.defaultAnswer(op.operationId());
      assertTrue(answer.success(), op.operationId() + ": " + answer.name());
    }
  }

  @Test
  void thePackagedFilesAreExactlyThoseOfSpecRecorded() throws IOException {
    Set<String> inSpec;
    try (Stream<Path> files = Files.walk(SPEC_RECORDED)) {
      inSpec = files.filter(f -> f.toString().endsWith(".json"))
          .map(f -> SPEC_RECORDED.relativize(f).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> packaged = answers.operations().stream()
        .flatMap(op -> answers.all(op).stream().map(r -> op + "/" + r.name() + ".json"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(inSpec, packaged);
    for (String file : inSpec) {
      String op = file.substring(0, file.indexOf('/'));
      String name = file.substring(op.length() + 1, file.length() - ".json".length());
      String json = answers.all(op).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().json();
      assertEquals(Files.readString(SPEC_RECORDED.resolve(file)), json, file);
    }
  }

  @Test
  void theNewestDocumentationExampleIsTheDefault() {
    assertEquals("docs-2023", answers.defaultAnswer("changeMargin").name(), "2023 before 2021");
    assertEquals("docs-2023", answers.defaultAnswer("getRiskLimit").name());
    assertEquals("docs-2023", answers.defaultAnswer("getApiKeyInfo").name(), "docs before empty-result");
    assertEquals("docs-2023", answers.defaultAnswer("getWalletFundHistory").name(), "docs before empty/null");
    assertEquals("docs-2023", answers.defaultAnswer("setLeverage").name(), "never an error");
    assertEquals("docs-v5", answers.defaultAnswer("getPortfolioMargin").name());
  }

  @Test
  void captureNamesComeBeforeDocumentationExamplesNewestFirst() {
    List<RecordedAnswers.Recorded> ordered = Stream.of("docs-2021", "empty-data", "20260101T000000.000001Z",
            "docs-2023", "20260412T103015.123456Z")
        .map(name -> new RecordedAnswers.Recorded("op", name, "{\"ret_code\":0}"))
        .sorted(RecordedAnswers.PREFERENCE).toList();
    assertEquals(List.of("20260412T103015.123456Z", "20260101T000000.000001Z", "docs-2023", "docs-2021",
        "empty-data"), ordered.stream().map(RecordedAnswers.Recorded::name).toList());
  }

  @Test
  void errorsAreNotSuccesses() {
    assertFalse(answers.all("getBalances").stream().filter(r -> r.name().startsWith("error")).findFirst()
        .orElseThrow().success());
    assertTrue(answers.successes("getBalances").stream().noneMatch(r -> r.name().startsWith("error")));
  }

  @Test
  void theFilesAreFoundInAJarWithoutDirectoryEntries(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("testkit.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      put(out, RecordedAnswers.ROOT + "/README.md", "anchor");
      put(out, RecordedAnswers.ROOT + "/getServerTime/docs-2023.json", "{\"ret_code\":0,\"ret_msg\":\"OK\"}");
      put(out, RecordedAnswers.ROOT + "/getServerTime/error-1.json", "{\"ret_code\":10016,\"ret_msg\":\"\"}");
      put(out, RecordedAnswers.ROOT + "/getBalances/docs-2023.json", "{\"ret_code\":0}");
      put(out, RecordedAnswers.ROOT + "/stray.json", "{}");
      put(out, "elsewhere/getBalances/x.json", "{}");
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      RecordedAnswers fromJar = RecordedAnswers.load(loader);
      assertEquals(Set.of("getServerTime", "getBalances"), fromJar.operations());
      assertEquals(List.of("docs-2023", "error-1"), fromJar.all("getServerTime").stream()
          .map(RecordedAnswers.Recorded::name).toList());
      assertEquals("{\"ret_code\":0,\"ret_msg\":\"OK\"}", fromJar.defaultAnswer("getServerTime").json());
    }
  }

  private static void put(JarOutputStream jar, String name, String content) throws IOException {
    jar.putNextEntry(new JarEntry(name));
    OutputStream out = jar;
    out.write(content.getBytes(StandardCharsets.UTF_8));
    jar.closeEntry();
  }
}
