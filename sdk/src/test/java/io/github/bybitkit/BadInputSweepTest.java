package io.github.bybitkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's bad-input sweep over the generated clients: every public method of every client reachable from
 * {@code client.inversePerpetual()} and {@code client.v5()} (found by reflection, so a new operation is swept without
 * editing this test) is called with each bad value in each text, decimal and integer parameter, the others valid.
 * Each call must throw {@link IllegalArgumentException} ({@link NullPointerException} for a null), synchronously or as
 * the failure of the returned future, and nothing may reach the server. Times only appear in request records; their
 * builders are covered by RequestBoundsTest.
 */
class BadInputSweepTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private static final List<String> BAD_TEXT = List.of("", " ", "\t", "BTC\nUSD", "BTC\rUSD", "BTC\u0000USD",
      "BTC\u202EUSD", "BTC\u200BUSD", "BTC\u00A0USD", "BTC\uD800USD", "BTC\u001BUSD", "BTC\u2028USD");
  private static final List<String> BAD_V2_TEXT = List.of("BTCUSD&tag=x", "BTC=USD");
  private static final List<BigDecimal> BAD_DECIMALS = List.of(new BigDecimal("1e999999999"),
      new BigDecimal("-1e999999999"), new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE),
      new BigDecimal(BigInteger.ONE, -Integer.MAX_VALUE), new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE),
      new BigDecimal("1e65"), new BigDecimal("1e-65"));

  @Test
  void everyClientMethodRefusesBadTextAndDecimalsBeforeSending() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(500).body("reached the wire").build();
      }
    });
    BybitClient bybit = TestClients.builder(server).retryPolicy(RetryPolicy.none()).timeSync(false).build();
    List<Object> clients = new ArrayList<>();
    for (Object api : List.of(bybit.inversePerpetual(), bybit.v5())) {
      for (Method accessor : sorted(api.getClass().getMethods())) {
        if (accessor.getDeclaringClass() == api.getClass() && accessor.getParameterCount() == 0
            && accessor.getReturnType().getSimpleName().endsWith("Client")) {
          clients.add(accessor.invoke(api));
        }
      }
    }
    assertTrue(clients.size() >= 6, "clients found: " + clients.size());

    List<String> failures = new ArrayList<>();
    List<Runnable> validCalls = new ArrayList<>();
    int methods = 0;
    int tried = 0;
    for (Object client : clients) {
      boolean v2 = client.getClass().getPackageName().endsWith("inverseperpetual");
      for (Method method : sorted(client.getClass().getMethods())) {
        if (method.getDeclaringClass() != client.getClass() || Modifier.isStatic(method.getModifiers())
            || method.getName().equals("withOptions")) {
          continue;
        }
        Class<?>[] types = method.getParameterTypes();
        Object[] valid = new Object[types.length];
        boolean sweepable = true;
        for (int i = 0; i < types.length; i++) {
          valid[i] = validValue(types[i]);
          sweepable &= valid[i] != null;
        }
        if (!sweepable) {
          continue; // takes a request record: its builder refuses bad values (RequestBoundsTest)
        }
        methods++;
        validCalls.add(() -> {
          String outcome = call(client, method, valid.clone());
          if (outcome.equals(IllegalArgumentException.class.getName())
              || outcome.equals(NullPointerException.class.getName())) {
            failures.add(method + " refuses the valid arguments " + Arrays.toString(valid) + ": " + outcome);
          }
        });
        for (int i = 0; i < types.length; i++) {
          for (Object bad : badValues(types[i], v2)) {
            Object[] args = valid.clone();
            args[i] = bad;
            tried++;
            String outcome = call(client, method, args);
            // A null required argument is refused like any other missing one (IllegalArgumentException naming it);
            // a NullPointerException is accepted for a null too.
            boolean refused = outcome.equals(IllegalArgumentException.class.getName())
                || bad == null && outcome.equals(NullPointerException.class.getName());
            if (!refused) {
              failures.add(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                  + Arrays.toString(types) + " arg " + i + " = " + printable(bad) + ": " + outcome);
            }
          }
        }
      }
    }
    TestReport.printf("bad-input sweep: %d clients, %d methods, %d bad inputs, %d requests on the wire%n",
        clients.size(), methods, tried, server.getRequestCount());
    assertTrue(methods >= 20, "methods swept: " + methods);
    assertEquals(List.of(), failures);
    assertEquals(0, server.getRequestCount(), "an invalid argument reached the wire");

    // The other arguments were valid, so each refusal above was the bad value's: with them alone, each method sends.
    validCalls.forEach(Runnable::run);
    assertEquals(List.of(), failures);
    assertTrue(server.getRequestCount() >= validCalls.size(), "requests: " + server.getRequestCount());
  }

  private static String call(Object client, Method method, Object[] args) {
    try {
      Object result = method.invoke(client, args);
      if (result instanceof CompletableFuture<?> future) {
        future.get(5, TimeUnit.SECONDS);
      } else if (result instanceof BybitPages<?> pages) {
        pages.iterator().hasNext(); // a lazy traversal sends on the first read
      }
      return "no exception";
    } catch (InvocationTargetException e) {
      return e.getCause().getClass().getName();
    } catch (ExecutionException e) {
      return e.getCause().getClass().getName();
    } catch (Exception e) {
      return e.getClass().getName();
    }
  }

  private static Object validValue(Class<?> type) {
    if (type == String.class) {
      return "BTCUSD";
    } else if (type == BigDecimal.class) {
      return BigDecimal.ONE;
    } else if (type == int.class || type == Integer.class) {
      return 5;
    } else if (type == long.class || type == Long.class) {
      return 1L;
    } else if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    return null;
  }

  private static List<Object> badValues(Class<?> type, boolean v2) {
    List<Object> bad = new ArrayList<>();
    if (type == String.class) {
      bad.add(null);
      bad.addAll(BAD_TEXT);
      if (v2) {
        bad.addAll(BAD_V2_TEXT);
      }
    } else if (type == BigDecimal.class) {
      bad.add(null);
      bad.addAll(BAD_DECIMALS);
    } else if (type.isEnum()) {
      bad.add(null);
    } else if (type == int.class) {
      bad.addAll(List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE));
    } else if (type == long.class) {
      // v2 longs are ids and epoch seconds (0 refused); v5 longs are epoch-ms range ends, whose spec minimum is 0.
      bad.addAll(v2 ? List.of(0L, -1L, Long.MIN_VALUE) : List.of(-1L, Long.MIN_VALUE));
    }
    return bad;
  }

  private static String printable(Object value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    value.toString().codePoints().limit(30).forEach(c -> out.append(c < 0x20 || c > 0x7e
        ? String.format("\\u%04X", c) : String.valueOf((char) c)));
    return out.toString();
  }

  private static List<Method> sorted(Method[] methods) {
    List<Method> list = new ArrayList<>(Arrays.asList(methods));
    list.sort(Comparator.comparing(Method::toString));
    return list;
  }
}
