package io.github.bybitkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's bad-input sweep over request records: for every client method that takes a request record (found by
 * reflection from {@code inversePerpetual()} and {@code v5()}), each builder setter is given each bad value (times
 * before 2000 or after 2099, negative and extreme integers, huge decimals, bad text), the other setters valid or
 * unset. Building the record or calling the method must throw {@link IllegalArgumentException}, and nothing may reach
 * the server, except the {@link #KNOWN_GAPS} listed below.
 */
class BadRequestRecordSweepTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private static final long YEAR_3000_MILLIS = Instant.parse("3000-01-01T00:00:00Z").toEpochMilli();

  @Test
  void everyRequestRecordRefusesBadValuesBeforeSending() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(500).body("reached the wire").build();
      }
    });
    BybitClient bybit = TestClients.builder(server).retryPolicy(RetryPolicy.none()).timeSync(false).build();
    List<String> failures = new ArrayList<>();
    int records = 0;
    int tried = 0;
    for (Object api : List.of(bybit.inversePerpetual(), bybit.v5())) {
      for (Method accessor : sorted(api.getClass().getMethods())) {
        if (accessor.getDeclaringClass() != api.getClass() || accessor.getParameterCount() != 0
            || !accessor.getReturnType().getSimpleName().endsWith("Client")) {
          continue;
        }
        Object client = accessor.invoke(api);
        boolean v2 = client.getClass().getPackageName().endsWith("inverseperpetual");
        for (Method method : sorted(client.getClass().getMethods())) {
          if (method.getDeclaringClass() != client.getClass() || method.getParameterCount() != 1
              || !method.getParameterTypes()[0].getSimpleName().endsWith("Request")
              || method.getName().endsWith("Async")) {
            continue;
          }
          Class<?> record = method.getParameterTypes()[0];
          records++;
          Method builderOf = record.getMethod("builder");
          Class<?> builderType = builderOf.getReturnType();
          List<Method> setters = new ArrayList<>();
          for (Method setter : sorted(builderType.getMethods())) {
            if (setter.getDeclaringClass() == builderType && setter.getParameterCount() == 1
                && setter.getReturnType() == builderType) {
              setters.add(setter);
            }
          }
          for (Method setter : setters) {
            for (Object bad : badValues(setter.getParameterTypes()[0], setter.getName(), v2)) {
              tried++;
              String outcome;
              try {
                Object builder = builderOf.invoke(null);
                for (Method other : setters) {
                  Object valid = validValue(other.getParameterTypes()[0]);
                  if (other != setter && valid != null) {
                    other.invoke(builder, valid);
                  }
                }
                setter.invoke(builder, bad);
                Object request = builderType.getMethod("build").invoke(builder);
                Object result = method.invoke(client, request);
                if (result instanceof BybitPages<?> pages) {
                  pages.iterator().hasNext(); // a lazy traversal sends on the first read
                }
                outcome = "no exception";
              } catch (InvocationTargetException e) {
                outcome = e.getCause().getClass().getName();
              } catch (RuntimeException e) {
                outcome = e.getClass().getName();
              }
              if (!outcome.equals(IllegalArgumentException.class.getName())) {
                failures.add(record.getSimpleName() + "." + setter.getName() + "(" + bad + "): " + outcome);
              }
            }
          }
        }
      }
    }
    TestReport.printf("bad-input sweep of request records: %d records, %d bad values, %d requests on the wire "
        + "(known gaps)%n", records, tried, server.getRequestCount());
    assertTrue(records >= 10, "records swept: " + records);
    // Every other bad value is refused before sending; these still reach the wire (each exactly one request). They are
    // listed, not hidden: a new gap fails this test, and a closed one must be taken off the list.
    assertEquals(KNOWN_GAPS, new TreeSet<>(failures));
    assertEquals(failures.size(), server.getRequestCount(), "requests on the wire besides the known gaps");
  }

  /**
   * Values that still reach the wire, to be closed in the spec or the generator (not in this module): v5 times are
   * epoch-millisecond {@code Long}s checked only against the spec's minimum 0, so 1970, year 3000 and
   * {@code Long.MAX_VALUE} are sent (an {@code Instant}/{@code LocalDate} time is held to 2000-2099); v2 fromId has no
   * minimum in the spec; getRiskLimit is an unsigned public GET, so its percent-encoded {@code &} and {@code =} are not
   * ambiguous and are sent.
   */
  private static final Set<String> KNOWN_GAPS = new TreeSet<>(List.of(
      "GetAssetExchangeHistoryRequest.fromId(-1): io.github.bybitkit.BybitHttpException",
      "GetAssetExchangeHistoryRequest.fromId(-9223372036854775808): io.github.bybitkit.BybitHttpException",
      "GetRiskLimitRequest.symbol(BTCUSD&tag=x): io.github.bybitkit.BybitHttpException",
      "GetRiskLimitRequest.symbol(BTC=USD): io.github.bybitkit.BybitHttpException",
      "GetWithdrawalRecordsRequest.endTime(0): io.github.bybitkit.BybitHttpException",
      "GetWithdrawalRecordsRequest.endTime(9223372036854775807): io.github.bybitkit.BybitHttpException",
      "GetWithdrawalRecordsRequest.endTime(32503680000000): io.github.bybitkit.BybitHttpException",
      "GetWithdrawalRecordsRequest.startTime(0): io.github.bybitkit.BybitHttpException",
      "GetWithdrawalRecordsRequest.startTime(9223372036854775807): io.github.bybitkit.BybitHttpException",
      "GetWithdrawalRecordsRequest.startTime(32503680000000): io.github.bybitkit.BybitHttpException",
      "GetClosedPnlRequest.endTime(0): io.github.bybitkit.BybitHttpException",
      "GetClosedPnlRequest.endTime(9223372036854775807): io.github.bybitkit.BybitHttpException",
      "GetClosedPnlRequest.endTime(32503680000000): io.github.bybitkit.BybitHttpException",
      "GetClosedPnlRequest.startTime(0): io.github.bybitkit.BybitHttpException",
      "GetClosedPnlRequest.startTime(9223372036854775807): io.github.bybitkit.BybitHttpException",
      "GetClosedPnlRequest.startTime(32503680000000): io.github.bybitkit.BybitHttpException",
      "GetTradeHistoryRequest.endTime(0): io.github.bybitkit.BybitHttpException",
      "GetTradeHistoryRequest.endTime(9223372036854775807): io.github.bybitkit.BybitHttpException",
      "GetTradeHistoryRequest.endTime(32503680000000): io.github.bybitkit.BybitHttpException",
      "GetTradeHistoryRequest.startTime(0): io.github.bybitkit.BybitHttpException",
      "GetTradeHistoryRequest.startTime(9223372036854775807): io.github.bybitkit.BybitHttpException",
      "GetTradeHistoryRequest.startTime(32503680000000): io.github.bybitkit.BybitHttpException",
      "GetTransactionLogRequest.endTime(0): io.github.bybitkit.BybitHttpException",
      "GetTransactionLogRequest.endTime(9223372036854775807): io.github.bybitkit.BybitHttpException",
      "GetTransactionLogRequest.endTime(32503680000000): io.github.bybitkit.BybitHttpException",
      "GetTransactionLogRequest.startTime(0): io.github.bybitkit.BybitHttpException",
      "GetTransactionLogRequest.startTime(9223372036854775807): io.github.bybitkit.BybitHttpException",
      "GetTransactionLogRequest.startTime(32503680000000): io.github.bybitkit.BybitHttpException",
      "GetContractTransactionLogRequest.endTime(0): io.github.bybitkit.BybitHttpException",
      "GetContractTransactionLogRequest.endTime(9223372036854775807): io.github.bybitkit.BybitHttpException",
      "GetContractTransactionLogRequest.endTime(32503680000000): io.github.bybitkit.BybitHttpException",
      "GetContractTransactionLogRequest.startTime(0): io.github.bybitkit.BybitHttpException",
      "GetContractTransactionLogRequest.startTime(9223372036854775807): io.github.bybitkit.BybitHttpException",
      "GetContractTransactionLogRequest.startTime(32503680000000): io.github.bybitkit.BybitHttpException"));

  private static Object validValue(Class<?> type) {
    if (type == String.class) {
      return "BTCUSD";
    } else if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    return null; // optional numbers and times stay unset
  }

  private static List<Object> badValues(Class<?> type, String name, boolean v2) {
    List<Object> bad = new ArrayList<>();
    if (type == String.class) {
      bad.addAll(List.of("BTC\nUSD", "BTC\u0000USD", "BTC\u202EUSD", "BTC\u200BUSD", "BTC\uD800USD"));
      if (v2) {
        bad.addAll(List.of("BTCUSD&tag=x", "BTC=USD"));
      }
    } else if (type == BigDecimal.class) {
      bad.addAll(List.of(new BigDecimal("1e999999999"), new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE),
          new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE), new BigDecimal("1e65")));
    } else if (type == Instant.class) {
      bad.addAll(List.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z")));
    } else if (type == LocalDate.class) {
      bad.addAll(List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH, LocalDate.of(3000, 1, 1)));
    } else if ((type == Long.class || type == long.class) && name.toLowerCase().contains("time")) {
      bad.addAll(List.of(-1L, 0L, Long.MIN_VALUE, Long.MAX_VALUE, YEAR_3000_MILLIS));
    } else if (type == Long.class || type == long.class) {
      bad.addAll(List.of(-1L, Long.MIN_VALUE));
    } else if (type == Integer.class || type == int.class) {
      bad.addAll(List.of(-1, Integer.MIN_VALUE));
    }
    return bad;
  }

  private static List<Method> sorted(Method[] methods) {
    List<Method> list = new ArrayList<>(Arrays.asList(methods));
    list.sort(Comparator.comparing(Method::toString));
    return list;
  }
}
