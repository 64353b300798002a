package io.github.bybitkit.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class V2SigningTest {

  /** The published vector's parameters, deliberately out of order. */
  private static Map<String, String> publishedParams() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("timestamp", "1542434791000");
    params.put("symbol", "BTCUSD");
    params.put("leverage", "100");
    params.put("api_key", "B2Rou0PLPpGqcU0Vu2");
    return params;
  }

  @Test
  void payloadSortsUnsortedParams() {
    assertEquals("api_key=B2Rou0PLPpGqcU0Vu2&leverage=100&symbol=BTCUSD&timestamp=1542434791000",
        V2Signing.payload(publishedParams()));
  }

  @Test
  void signMatchesPublishedVector() {
    assertEquals("670e3e4aa32b243f2dedf1dafcec2fd17a440e71b05681550416507de591d908",
        V2Signing.sign(HmacSha256Test.SECRET, publishedParams()));
  }

  @Test
  void sortsByStringNaturalOrderAndDoesNotEncode() {
    Map<String, String> params = new HashMap<>();
    params.put("ab", "1");
    params.put("a_b", "x y&z=%");
    params.put("B", "true");
    // '_' < 'b' and upper case before lower case, as String.compareTo orders them.
    assertEquals("B=true&a_b=x y&z=%&ab=1", V2Signing.payload(params));
  }

  @Test
  void emptyParamsGiveEmptyPayload() {
    assertEquals("", V2Signing.payload(Map.of()));
  }

  @Test
  void rejectsNullNamesAndValues() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("symbol", null);
    assertThrows(IllegalArgumentException.class, () -> V2Signing.payload(nullValue));
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "x");
    assertThrows(IllegalArgumentException.class, () -> V2Signing.payload(nullKey));
  }
}
