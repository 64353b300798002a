package io.github.bybitkit.testkit;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a fresh, started {@link FakeBybit} as a parameter (of the test method, or of a
 * {@code @BeforeEach}/{@code @AfterEach} method, which see the same one) and closes it after the test.
 *
 * <pre>{@code
 * @ExtendWith(FakeBybitExtension.class)
 * class MyTest {
 *   @Test
 *   void readsBalances(FakeBybit fake) {
 *     BybitClient client = fake.clientBuilder().build();
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>For a fake built differently (a fixed clock, other credentials), register an instance:
 * {@code @RegisterExtension static FakeBybitExtension fake = new FakeBybitExtension(() ->
 * FakeBybit.builder().clock(clock).build());}
 */
public final class FakeBybitExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeBybitExtension.class);
  private static final String KEY = "fake";

  private final Supplier<FakeBybit> factory;

  /** Each test gets {@link FakeBybit#start()}. */
  public FakeBybitExtension() {
    this(FakeBybit::start);
  }

  /** Each test gets what {@code factory} builds (it must return a started fake, as {@code build()} does). */
  public FakeBybitExtension(Supplier<FakeBybit> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    fakeFor(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    FakeBybit fake = context.getStore(NAMESPACE).remove(KEY, FakeBybit.class);
    if (fake != null) {
      fake.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeBybit.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return fakeFor(context);
  }

  /** The test's fake, started on first use. */
  private FakeBybit fakeFor(ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, key -> factory.get(), FakeBybit.class);
  }
}
