package io.github.bybitkit;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;

/**
 * What an application does: one async call, then (unless {@code --no-close}) {@code close()}, then main returns.
 * {@link ClientCloseTest} runs it in a forked JVM and times how long the JVM takes to exit after {@link #DONE}.
 */
final class AsyncExitMain {
  static final String DONE = "main returns";

  private AsyncExitMain() {}

  public static void main(String[] args) throws Exception {
    boolean close = !(args.length > 0 && args[0].equals("--no-close"));
    MockWebServer server = new MockWebServer();
    server.enqueue(RecordedResponses.recorded("getV5ServerTime", "docs-v5.json"));
    server.start();
    BybitClient bybit = BybitClient.builder().baseUrl(server.url("/").toString()).build();
    Instant serverTime = bybit.v5().market().getV5ServerTimeAsync().get(30, TimeUnit.SECONDS);
    if (close) {
      bybit.close();
    }
    server.close();
    System.out.println(DONE + " (server time " + serverTime.toEpochMilli() + ")");
  }
}
