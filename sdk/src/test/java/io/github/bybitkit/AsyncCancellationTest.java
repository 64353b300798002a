package io.github.bybitkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Cancelling the future of an ...Async method cancels the HTTP call underneath. */
class AsyncCancellationTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  @Test
  void cancellingTheFutureCancelsTheHttpCall() throws Exception {
    CountDownLatch canceled = new CountDownLatch(1);
    CountDownLatch sent = new CountDownLatch(1);
    OkHttpClient shared = new OkHttpClient.Builder()
        .eventListener(new EventListener() {
          @Override
          public void requestHeadersEnd(Call call, okhttp3.Request request) {
            sent.countDown();
          }

          @Override
          public void canceled(Call call) {
            canceled.countDown();
          }
        })
        .build();
    server.enqueue(new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body("{}").build());
    BybitClient bybit = BybitClient.builder()
        .baseUrl(server.url("/").toString())
        .okHttpClient(shared)
        .build();

    CompletableFuture<?> future = bybit.inversePerpetual().account().getRiskLimitAsync();
    assertTrue(sent.await(10, TimeUnit.SECONDS), "the request was sent");
    assertTrue(future.cancel(true));

    assertTrue(canceled.await(5, TimeUnit.SECONDS), "OkHttp saw the call cancelled");
    assertTrue(future.isCancelled());
  }
}
