package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.inverseperpetual.GetProfitAndLossHistoryRequest;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link BybitClient#close()}: a program that made async calls exits promptly once it closes the client, every call
 * after close fails before sending, pending retries are dropped, and a caller's own OkHttpClient keeps working.
 */
class ClientCloseTest {
  /** How long the JVM may take to exit after main returns; OkHttp's idle dispatcher threads would take ~60 s. */
  private static final Duration PROMPT_EXIT = Duration.ofSeconds(10);

  @StartStop
  final MockWebServer server = new MockWebServer();

  @Test
  void aMainThatClosesTheClientAfterAnAsyncCallExitsPromptly() throws Exception {
    Process process = fork();
    try {
      Forked forked = awaitMainReturned(process);
      long returnedAt = System.nanoTime();
      boolean exited = process.waitFor(PROMPT_EXIT.toMillis(), TimeUnit.MILLISECONDS);
      Duration afterReturn = Duration.ofNanos(System.nanoTime() - returnedAt);
      assertTrue(exited, "the JVM still runs " + PROMPT_EXIT + " after main returned; output: " + forked.output);
      assertEquals(0, process.exitValue(), "output: " + forked.output);
      assertTrue(afterReturn.compareTo(PROMPT_EXIT) < 0, "exit took " + afterReturn);
    } finally {
      process.destroyForcibly();
    }
  }

  /** The control that shows the forked test can fail: the same main without close() does not exit soon. */
  @Test
  void withoutCloseTheSameMainLingers() throws Exception {
    Process process = fork("--no-close");
    try {
      Forked forked = awaitMainReturned(process);
      assertFalse(process.waitFor(3, TimeUnit.SECONDS),
          "exited without close(): the exit test above proves nothing; output: " + forked.output);
    } finally {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void everyCallAfterCloseFailsBeforeAnythingIsSent() {
    BybitClient bybit = TestClients.client(server);
    BybitClient view = bybit.withOptions(RequestOptions.defaults().withTimeout(Duration.ofSeconds(3)));
    InversePerpetualAccountClient account = bybit.inversePerpetual().account();

    bybit.close();
    bybit.close(); // idempotent: nothing to release twice, no exception

    List<Executable> calls = List.of(
        account::getBalances,
        account::getBalancesAsync,
        () -> account.getProfitAndLossHistoryPages(GetProfitAndLossHistoryRequest.builder().symbol("BTCUSD").build())
            .stream().count(),
        () -> bybit.v5().asset().getPortfolioMargin(),
        () -> bybit.v5().asset().getPortfolioMarginAsync(),
        () -> bybit.v5().market().getV5ServerTimeAsync(),
        () -> view.inversePerpetual().account().getBalances(),
        () -> view.v5().market().getV5ServerTimeAsync(),
        bybit::syncTime);
    for (Executable call : calls) {
      IllegalStateException e = assertThrows(IllegalStateException.class, call);
      assertEquals("BybitClient is closed", e.getMessage());
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void closingAViewClosesTheClientItCameFrom() {
    BybitClient bybit = TestClients.client(server);
    bybit.withOptions(RequestOptions.defaults()).close();
    assertThrows(IllegalStateException.class, () -> bybit.inversePerpetual().account().getBalances());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aRetryDueWhenTheClientClosesIsNotSent() {
    server.enqueue(new MockResponse.Builder().code(503).body("<html>busy</html>").build());
    BybitClient[] bybit = new BybitClient[1];
    bybit[0] = TestClients.builder(server).sleeper(wait -> bybit[0].close()).build();

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> bybit[0].inversePerpetual().account().getBalances());
    assertTrue(e.getMessage().startsWith("BybitClient is closed"), e.getMessage());
    assertInstanceOf(BybitHttpException.class, e.getSuppressed()[0], "the failure that would have been retried");
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void anAsyncRetryDueWhenTheClientClosesIsNotSent() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).body("<html>busy</html>").build());
    server.enqueue(recorded("getBalances", "docs-2023.json")); // what a retry would get
    BybitClient bybit = TestClients.builder(server)
        .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(2))).build();

    CompletableFuture<?> balances = bybit.inversePerpetual().account().getBalancesAsync();
    TestClients.take(server);
    bybit.close(); // the retry waits at least 1 s (half the backoff)

    ExecutionException e = assertThrows(ExecutionException.class, () -> balances.get(10, TimeUnit.SECONDS));
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aCallersOkHttpClientStillWorksAfterClose() throws Exception {
    OkHttpClient own = new OkHttpClient();
    try {
      server.enqueue(recorded("getBalances", "docs-2023.json"));
      BybitClient bybit = TestClients.builder(server).okHttpClient(own).build();
      Map<String, ?> balances = bybit.inversePerpetual().account().getBalancesAsync().get(10, TimeUnit.SECONDS);
      assertTrue(balances.containsKey("BTC"));
      bybit.close();

      assertFalse(own.dispatcher().executorService().isShutdown());
      server.enqueue(new MockResponse.Builder().body("sync").build());
      server.enqueue(new MockResponse.Builder().body("async").build());
      Request request = new Request.Builder().url(server.url("/mine")).build();
      try (Response response = own.newCall(request).execute()) {
        assertEquals("sync", response.body().string());
      }
      CompletableFuture<String> async = new CompletableFuture<>();
      own.newCall(request).enqueue(new Callback() {
        @Override
        public void onResponse(Call call, Response response) throws IOException {
          try (response) {
            async.complete(response.body().string());
          }
        }

        @Override
        public void onFailure(Call call, IOException e) {
          async.completeExceptionally(e);
        }
      });
      assertEquals("async", async.get(10, TimeUnit.SECONDS));
    } finally {
      own.dispatcher().executorService().shutdown();
      own.connectionPool().evictAll();
    }
  }

  /** The output of a forked JVM, read on until it ends. */
  private static final class Forked {
    final List<String> output = Collections.synchronizedList(new ArrayList<>());
    final CompletableFuture<Void> mainReturned = new CompletableFuture<>();
  }

  private static Process fork(String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        "-Dbybitkit.specDir=" + RecordedResponses.specDir().toAbsolutePath(), AsyncExitMain.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Waits until the forked main has returned (it says so), reading its output on another thread. */
  private static Forked awaitMainReturned(Process process) throws Exception {
    Forked forked = new Forked();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          forked.output.add(line);
          if (line.startsWith(AsyncExitMain.DONE)) {
            forked.mainReturned.complete(null);
          }
        }
        forked.mainReturned.completeExceptionally(new AssertionError("main did not return: " + forked.output));
      } catch (IOException e) {
        forked.mainReturned.completeExceptionally(new UncheckedIOException(e));
      }
    }, "forked-jvm-output");
    reader.setDaemon(true);
    reader.start();
    forked.mainReturned.get(60, TimeUnit.SECONDS);
    return forked;
  }
}
