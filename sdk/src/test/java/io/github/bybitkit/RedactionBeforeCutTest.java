package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.json;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.bybitkit.internal.Redactor;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Wherever a text is cut (a body preview, a quoted value, a path), no part of 8 or more characters of the API key,
 * the secret or a signature survives, at every position the secret can have relative to the cut.
 */
class RedactionBeforeCutTest {
  private static final String SIGNATURE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @StartStop
  final MockWebServer server = new MockWebServer();

  private static void assertNoFragment(String text, String context) {
    for (String secret : new String[] {TestClients.KEY, TestClients.SECRET, SIGNATURE}) {
      for (int i = 0; i + 8 <= secret.length(); i++) {
        if (text.contains(secret.substring(i, i + 8))) {
          fail("a fragment of a secret survived (" + context + "): " + text);
        }
      }
    }
  }

  @Test
  void shorteningNeverLeavesPartOfAKeySecretOrSignatureWhateverTheOrder() {
    Redactor redactor = new Redactor(Credentials.of(TestClients.KEY, TestClients.SECRET));
    for (String secret : new String[] {TestClients.KEY, TestClients.SECRET, SIGNATURE}) {
      for (int offset = 0; offset <= 100; offset++) {
        String text = "x ".repeat(offset / 2) + (offset % 2 == 0 ? "" : "-") + secret + " tail".repeat(30);
        assertNoFragment(Redactor.shorten(redactor.redact(text), 80), "redact, then shorten at " + offset);
        assertNoFragment(redactor.redact(Redactor.shorten(text, 80)), "shorten, then redact at " + offset);
      }
    }
  }

  @Test
  void anHttpErrorPreviewNeverShowsPartOfTheKeyWhereverTheCutFalls() {
    BybitClient client = TestClients.builder(server).retryPolicy(RetryPolicy.none()).timeSync(false).build();
    for (int offset = 180; offset <= 210; offset++) {
      String body = "e".repeat(offset) + TestClients.KEY + " " + SIGNATURE + "\n" + "z".repeat(300);
      server.enqueue(new MockResponse.Builder().code(502).body(body).build());

      BybitHttpException e = assertThrows(BybitHttpException.class,
          () -> client.inversePerpetual().account().getBalances());

      assertNoFragment(e.getMessage(), "message at " + offset);
      assertNoFragment(e.bodyPreview(), "preview at " + offset);
    }
  }

  @Test
  void aQuotedBadValueNeverShowsPartOfTheKeyWhereverTheCutFalls() {
    BybitClient client = TestClients.builder(server).retryPolicy(RetryPolicy.none()).timeSync(false).build();
    for (int offset = 60; offset <= 85; offset++) {
      server.enqueue(json("{\"ret_code\":0,\"ret_msg\":\"OK\",\"result\":{\"BTC\":{\"equity\":\"" + "1".repeat(offset)
          + TestClients.KEY + "\"}},\"time_now\":\"1578284274.816029\"}"));

      BybitDecodingException e = assertThrows(BybitDecodingException.class,
          () -> client.inversePerpetual().account().getBalances());

      assertNoFragment(e.getMessage(), "at " + offset);
    }
  }
}
