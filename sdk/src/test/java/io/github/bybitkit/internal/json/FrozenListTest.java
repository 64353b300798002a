package io.github.bybitkit.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonReader;
import io.github.bybitkit.v5.model.BybitPnlRange;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class FrozenListTest {
  @Test
  void copiesAnyOtherListAndKeepsItsNullElements() {
    List<String> source = new ArrayList<>(Arrays.asList("a", null, "c"));
    List<String> frozen = FrozenList.copyOf(source);
    source.set(0, "changed");
    assertEquals(Arrays.asList("a", null, "c"), frozen);
    assertEquals(Arrays.asList("a", null, "c").hashCode(), frozen.hashCode());
    assertEquals("[a, null, c]", frozen.toString());
    assertTrue(frozen.contains(null));
    assertSame(frozen, FrozenList.copyOf(frozen));
  }

  @Test
  void everyMutatorFailsEvenWhenItWouldChangeNothing() {
    for (List<String> list : List.of(FrozenList.copyOf(List.<String>of()), FrozenList.copyOf(List.of("a", "b")))) {
      List<Consumer<List<String>>> mutators = List.of(l -> l.add("x"), l -> l.add(0, "x"), l -> l.addAll(List.of()),
          l -> l.addAll(0, List.of()), l -> l.remove("absent"), l -> l.removeAll(List.of()), l -> l.retainAll(l),
          l -> l.removeIf(e -> false), l -> l.replaceAll(e -> e), l -> l.sort(null), List::clear);
      for (Consumer<List<String>> mutator : mutators) {
        assertThrows(UnsupportedOperationException.class, () -> mutator.accept(list));
      }
    }
    List<String> two = FrozenList.copyOf(List.of("a", "b"));
    assertThrows(UnsupportedOperationException.class, () -> two.set(0, "x"));
    assertThrows(UnsupportedOperationException.class, () -> two.remove(0));
    assertThrows(UnsupportedOperationException.class, () -> {
      var it = two.iterator();
      it.next();
      it.remove();
    });
    assertThrows(UnsupportedOperationException.class, () -> two.subList(0, 1).clear());
    assertThrows(IndexOutOfBoundsException.class, () -> two.get(2));
  }

  @Test
  void aModelKeepsTheListItsAdapterDecodedAndCopiesAnyOther() throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8("[\"1.10\", \"2\", null, \"-3.5\", \"4\"]"));
    List<BigDecimal> decoded = JsonValues.readList(reader, JsonValues::readDecimal);
    assertEquals(Arrays.asList(new BigDecimal("1.10"), new BigDecimal("2"), null, new BigDecimal("-3.5"),
        new BigDecimal("4")), decoded);
    assertSame(decoded, new BybitPnlRange(BigDecimal.ONE, decoded).pnls());

    List<BigDecimal> mutable = new ArrayList<>(List.of(BigDecimal.ONE));
    BybitPnlRange copied = new BybitPnlRange(BigDecimal.ONE, mutable);
    assertNotSame(mutable, copied.pnls());
    mutable.add(BigDecimal.TEN);
    assertEquals(List.of(BigDecimal.ONE), copied.pnls());
    assertThrows(UnsupportedOperationException.class, () -> copied.pnls().add(BigDecimal.TEN));
  }
}
