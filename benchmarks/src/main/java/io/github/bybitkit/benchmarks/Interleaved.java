package io.github.bybitkit.benchmarks;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * Compares the variants ({@code @Benchmark} methods) of each benchmark class in alternating short slices of this
 * thread's CPU time, as issue 12's own figures were taken: after an interleaved warm-up, every round gives each
 * variant one slice (~10 ms of CPU, order rotated per round) and records its CPU ns/op and allocated B/op; a ratio is
 * taken per round (so drift of the machine hits both sides alike) and its median and interquartile range over the
 * rounds are reported. Then {@link Targets} prints issue 12's targets as met / NOT MET.
 *
 * <p>The classes are the ones JMH lists (META-INF/BenchmarkList), their variants found by reflection, so new
 * variants are measured without changing this class. Supported: a public no-argument constructor, {@code @Param}
 * fields (every combination), {@code @Setup}/{@code @TearDown} at Level.Trial (around the whole measurement) and
 * Level.Iteration (around the warm-up and around each round), {@code @Benchmark} methods taking nothing or a
 * {@link Blackhole}. Anything else (Level.Invocation, other parameters) is reported and that class or variant skipped.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.github.bybitkit.benchmarks.Interleaved
 * [--rounds 50] [--slice-ms 10] [--warmup-s 2] [--no-fork] [class regex]}; each class runs in its own JVM (started
 * with this JVM's options) unless {@code --no-fork}.
 */
public final class Interleaved {
  private static final String BLACKHOLE_CHALLENGE =
      "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";
  /** A slice also ends after this many slices of wall time, so a variant that mostly waits cannot stall a round. */
  private static final int WALL_CAP = 20;
  /** A batch (run between two clock reads) aims at this fraction of a slice, so reading the clock costs nothing. */
  private static final int BATCHES_PER_SLICE = 10;

  private Interleaved() {}

  /** Command-line options; the warm-up is per parameter combination. */
  record Options(Pattern classFilter, int rounds, long sliceNanos, long warmupNanos, boolean fork, Path childData) {
    Options(Pattern classFilter, int rounds, long sliceNanos, long warmupNanos) {
      this(classFilter, rounds, sliceNanos, warmupNanos, false, null);
    }

    static Options parse(String... args) {
      Pattern filter = Pattern.compile("");
      int rounds = 50;
      double sliceMs = 10;
      double warmupSeconds = 2;
      boolean fork = true;
      Path childData = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--rounds" -> rounds = Integer.parseInt(args[++i]);
          case "--slice-ms" -> sliceMs = Double.parseDouble(args[++i]);
          case "--warmup-s" -> warmupSeconds = Double.parseDouble(args[++i]);
          case "--no-fork" -> fork = false;
          case "--child-data" -> childData = Path.of(args[++i]);
          case "-h", "--help" -> throw new IllegalArgumentException("usage");
          default -> {
            if (args[i].startsWith("-")) {
              throw new IllegalArgumentException("unknown option " + args[i]);
            }
            filter = Pattern.compile(args[i]);
          }
        }
      }
      if (rounds < 1 || sliceMs <= 0 || warmupSeconds < 0) {
        throw new IllegalArgumentException("rounds >= 1, slice > 0, warm-up >= 0");
      }
      return new Options(filter, rounds, (long) (sliceMs * 1e6), (long) (warmupSeconds * 1e9), fork, childData);
    }
  }

  /** What a slice reads: this thread's CPU time and allocated bytes (a test substitutes its own). */
  interface Meter {
    long cpuNanos();

    long allocatedBytes();

    /** The JIT's total compilation time so far, to see when the warm-up has stopped compiling (0: unknown). */
    default long compilationMillis() {
      return 0;
    }
  }

  /** The real meter: {@code ThreadMXBean} of the calling thread. */
  static Meter threadMeter() {
    com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    if (!bean.isCurrentThreadCpuTimeSupported() || !bean.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException("this JVM cannot measure a thread's CPU time and allocation");
    }
    bean.setThreadCpuTimeEnabled(true);
    bean.setThreadAllocatedMemoryEnabled(true);
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
    return new Meter() {
      @Override
      public long compilationMillis() {
        return jitTimed ? jit.getTotalCompilationTime() : 0;
      }

      @Override
      public long cpuNanos() {
        return bean.getCurrentThreadCpuTime();
      }

      @Override
      public long allocatedBytes() {
        return bean.getCurrentThreadAllocatedBytes();
      }
    };
  }

  /** Runs a variant n times. */
  interface Op {
    void run(int n) throws Throwable;
  }

  record Variant(String name, Op op) {}

  /** Called around the warm-up and around each round (Level.Iteration fixtures). */
  interface Fixture {
    void before() throws Throwable;

    void after() throws Throwable;
  }

  static final Fixture NO_FIXTURE = new Fixture() {
    @Override
    public void before() {}

    @Override
    public void after() {}
  };

  enum Metric { CPU, ALLOC }

  /** One variant's figures, one entry per round. */
  record Series(double[] cpuNsPerOp, double[] allocBytesPerOp) {
    double[] of(Metric metric) {
      return metric == Metric.CPU ? cpuNsPerOp : allocBytesPerOp;
    }
  }

  /** Median and interquartile range. */
  record Stats(double median, double q1, double q3) {
    static Stats of(double[] values) {
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      return new Stats(quantile(sorted, 0.5), quantile(sorted, 0.25), quantile(sorted, 0.75));
    }

    /** Linear interpolation between order statistics. */
    private static double quantile(double[] sorted, double p) {
      double position = p * (sorted.length - 1);
      int below = (int) Math.floor(position);
      int above = Math.min(below + 1, sorted.length - 1);
      return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    String format(String pattern) {
      return String.format(Locale.ROOT, pattern + " [" + pattern + "-" + pattern + "]", median, q1, q3);
    }
  }

  /** The variants of one benchmark class measured with one combination of @Param values. */
  record Group(String benchmark, Map<String, String> params, Map<String, Series> variants) {
    String key() {
      StringBuilder key = new StringBuilder(benchmark);
      params.forEach((name, value) -> key.append(' ').append(name).append('=').append(value));
      return key.toString();
    }

    boolean has(String variant) {
      return variants.containsKey(variant);
    }

    /** Per round, numerator / denominator; then the median and quartiles over the rounds. */
    Stats ratio(String numerator, String denominator, Metric metric) {
      return ratio(numerator, null, denominator, metric);
    }

    /**
     * Per round, (numerator - without) / denominator, or numerator / denominator when {@code without} is null: what
     * the numerator adds to {@code without}, in denominators.
     */
    Stats ratio(String numerator, String without, String denominator, Metric metric) {
      double[] a = variants.get(numerator).of(metric);
      double[] b = without == null ? new double[a.length] : variants.get(without).of(metric);
      double[] c = variants.get(denominator).of(metric);
      double[] ratios = new double[a.length];
      for (int r = 0; r < a.length; r++) {
        ratios[r] = (a[r] - b[r]) / c[r];
      }
      return Stats.of(ratios);
    }
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: Interleaved [--rounds 50] [--slice-ms 10] [--warmup-s 2] [--no-fork] [class regex]");
      System.exit(2);
      return;
    }
    List<String> classes = benchmarkClasses().stream().filter(c -> options.classFilter().matcher(c).find()).toList();
    if (classes.isEmpty()) {
      System.err.println("no benchmark class matches " + options.classFilter());
      System.exit(2);
    }
    HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    if (options.childData() == null && hotSpot != null
        && !Boolean.parseBoolean(hotSpot.getVMOption("AlwaysPreTouch").getValue())) {
      System.err.println("note: without -Xms512m -Xmx512m -XX:+AlwaysPreTouch, each first touch of a heap page counts"
          + " as CPU time of whichever variant grew the heap");
    }
    List<Group> groups = new ArrayList<>();
    boolean failed = false;
    if (options.fork() && options.childData() == null) {
      // One JVM per class, as JMH forks: otherwise a class's JIT profiles of shared code (JsonReader, OkHttp) would
      // depend on which classes ran before it.
      for (String name : classes) {
        Path data = Files.createTempFile("interleaved", ".tsv");
        try {
          failed |= fork(name, options, data) != 0;
          groups.addAll(readData(data));
        } finally {
          Files.deleteIfExists(data);
        }
      }
    } else {
      Meter meter = threadMeter();
      for (String name : classes) {
        try {
          groups.addAll(run(Class.forName(name), options, meter, System.out, System.err));
        } catch (Throwable e) {
          failed = true;
          System.out.println();
          System.out.println("## " + name + ": FAILED, not measured: " + e);
        }
      }
      if (options.childData() != null) {
        writeData(groups, options.childData());
        System.out.flush();
        System.exit(failed ? 1 : 0);
      }
    }
    System.out.println();
    System.out.println(String.format(Locale.ROOT, "Method: per class and parameters, %d rounds; in each round every"
            + " variant runs a ~%.0f ms slice of this thread's CPU time (order rotated per round), after an"
            + " interleaved warm-up of %.1f s of this thread's CPU time (up to 3 times longer while the JIT still"
            + " compiled). CPU ns/op and B/op per round; a ratio is taken per round, then its median [interquartile"
            + " range] over the rounds. %s One run: compare rows of one run only.",
        options.rounds(), options.sliceNanos() / 1e6, options.warmupNanos() / 1e9,
        options.fork() ? "One JVM per class." : "All classes in one JVM."));
    Targets.print(Targets.evaluate(Targets.ALL, groups), System.out);
    if (failed) {
      System.exit(1);
    }
  }

  /** Measures one class in a new JVM with this JVM's options; its tables go to this stdout, its figures to data. */
  private static int fork(String className, Options options, Path data) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Interleaved.class.getName(),
        "--rounds", String.valueOf(options.rounds()),
        "--slice-ms", String.valueOf(options.sliceNanos() / 1e6),
        "--warmup-s", String.valueOf(options.warmupNanos() / 1e9),
        "--child-data", data.toString(),
        "^" + Pattern.quote(className) + "$"));
    System.out.flush();
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  /** The per-round figures, one line per group and per variant (tab-separated), for the parent JVM. */
  static void writeData(List<Group> groups, Path file) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Group group : groups) {
      text.append("G\t").append(group.benchmark());
      group.params().forEach((name, value) -> text.append('\t').append(name).append('=').append(value));
      text.append('\n');
      group.variants().forEach((name, series) -> text.append("V\t").append(name)
          .append('\t').append(join(series.cpuNsPerOp()))
          .append('\t').append(join(series.allocBytesPerOp())).append('\n'));
    }
    Files.writeString(file, text);
  }

  static List<Group> readData(Path file) throws IOException {
    List<Group> groups = new ArrayList<>();
    Map<String, Series> variants = null;
    for (String line : Files.readAllLines(file)) {
      String[] fields = line.split("\t", -1);
      if (fields[0].equals("G")) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 2; i < fields.length; i++) {
          String[] param = fields[i].split("=", 2);
          params.put(param[0], param[1]);
        }
        variants = new LinkedHashMap<>();
        groups.add(new Group(fields[1], params, variants));
      } else if (fields[0].equals("V") && variants != null) {
        variants.put(fields[1], new Series(split(fields[2]), split(fields[3])));
      }
    }
    return groups;
  }

  private static String join(double[] values) {
    StringBuilder text = new StringBuilder();
    for (double value : values) {
      text.append(text.length() == 0 ? "" : ",").append(value);
    }
    return text.toString();
  }

  private static double[] split(String text) {
    return Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  /** Every class in the JMH benchmark lists on the class path (the jar's, or a test's). */
  static List<String> benchmarkClasses() throws IOException {
    TreeSet<String> names = new TreeSet<>();
    Enumeration<URL> lists =
        Interleaved.class.getClassLoader().getResources(BenchmarkList.BENCHMARK_LIST.substring(1));
    while (lists.hasMoreElements()) {
      try (InputStream in = lists.nextElement().openStream()) {
        for (BenchmarkListEntry entry : BenchmarkList.readBenchmarkList(in)) {
          names.add(entry.getUserClassQName());
        }
      }
    }
    return new ArrayList<>(names);
  }

  /** Measures every @Param combination of one benchmark class and prints a table for each. */
  static List<Group> run(Class<?> type, Options options, Meter meter, PrintStream out, PrintStream progress)
      throws Throwable {
    List<Field> paramFields = fieldsWith(type);
    List<Method> benchmarks = annotated(type, Benchmark.class);
    List<Method> setups = annotated(type, Setup.class);
    List<Method> teardowns = annotated(type, TearDown.class);
    for (Method m : setups) {
      requireSupported(m, m.getAnnotation(Setup.class).value());
    }
    for (Method m : teardowns) {
      requireSupported(m, m.getAnnotation(TearDown.class).value());
    }
    List<Group> groups = new ArrayList<>();
    for (Map<Field, String> combination : combinations(paramFields)) {
      Object instance = construct(type);
      Map<String, String> params = new LinkedHashMap<>();
      for (Map.Entry<Field, String> param : combination.entrySet()) {
        Field field = param.getKey();
        field.setAccessible(true);
        field.set(instance, convert(param.getValue(), field.getType()));
        params.put(field.getName(), param.getValue());
      }
      Group header = new Group(type.getSimpleName(), params, Map.of());
      invokeAll(setups, instance, Level.Trial, true);
      Map<String, Series> series;
      try {
        Blackhole blackhole = new Blackhole(BLACKHOLE_CHALLENGE);
        List<Variant> variants = variants(benchmarks, instance, blackhole, Report.FLOORS.get(type.getSimpleName()),
            progress);
        progress.printf(Locale.ROOT, "%s: %d variants, warm-up %.1f s CPU (up to 3x while the JIT compiles),"
                + " %d rounds of %.0f ms%n", header.key(), variants.size(), options.warmupNanos() / 1e9,
            options.rounds(), options.sliceNanos() / 1e6);
        Fixture iteration = new Fixture() {
          @Override
          public void before() throws Throwable {
            invokeAll(setups, instance, Level.Iteration, true);
          }

          @Override
          public void after() throws Throwable {
            invokeAll(teardowns, instance, Level.Iteration, false);
          }
        };
        series = measure(variants, options, meter, iteration, progress);
        blackhole.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
      } finally {
        invokeAll(teardowns, instance, Level.Trial, false);
      }
      Group group = new Group(type.getSimpleName(), params, series);
      print(group, out);
      groups.add(group);
    }
    return groups;
  }

  /**
   * The measurement: an interleaved warm-up (each variant a slice in turn; the batch size is tuned here), then
   * {@code rounds} rounds of one slice per variant, order rotated per round. The warm-up lasts the given CPU time of
   * this thread, longer (up to 3 times) while the JIT is still compiling: on a loaded machine the compiler threads
   * lag, and a round measured before they finish measures the interpreter.
   */
  static Map<String, Series> measure(List<Variant> variants, Options options, Meter meter, Fixture iteration,
      PrintStream progress) throws Throwable {
    long wallStart = System.nanoTime();
    int count = variants.size();
    int[] batch = new int[count];
    Arrays.fill(batch, 1);
    long[] figures = new long[3];
    iteration.before();
    long warmupStart = meter.cpuNanos();
    long compiled = meter.compilationMillis();
    boolean compiling;
    int turn = 0;
    do {
      for (int k = 0; k < count; k++) {
        int i = (turn + k) % count;
        slice(variants.get(i).op(), batch[i], options.sliceNanos(), meter, figures);
        double nsPerOp = (double) figures[1] / figures[0];
        long target = nsPerOp > 0 ? (long) (options.sliceNanos() / BATCHES_PER_SLICE / nsPerOp) : batch[i] * 2L;
        batch[i] = (int) Math.max(1, Math.min(1 << 20, target));
      }
      turn++;
      long nowCompiled = meter.compilationMillis();
      compiling = nowCompiled != compiled;
      compiled = nowCompiled;
      long warm = meter.cpuNanos() - warmupStart;
      if (warm >= options.warmupNanos() && (!compiling || warm >= 3 * options.warmupNanos())) {
        progress.printf(Locale.ROOT, "  warm-up %.1f s CPU in %.1f s%s%n", warm / 1e9,
            (System.nanoTime() - wallStart) / 1e9, compiling ? " (the JIT was still compiling)" : "");
        break;
      }
    } while (true);
    iteration.after();
    double[][] cpu = new double[count][options.rounds()];
    double[][] alloc = new double[count][options.rounds()];
    for (int round = 0; round < options.rounds(); round++) {
      iteration.before();
      for (int k = 0; k < count; k++) {
        int i = (round + k) % count;
        slice(variants.get(i).op(), batch[i], options.sliceNanos(), meter, figures);
        cpu[i][round] = (double) figures[1] / figures[0];
        alloc[i][round] = (double) figures[2] / figures[0];
      }
      iteration.after();
    }
    progress.printf(Locale.ROOT, "  measured in %.1f s%n", (System.nanoTime() - wallStart) / 1e9);
    Map<String, Series> series = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      series.put(variants.get(i).name(), new Series(cpu[i], alloc[i]));
    }
    return series;
  }

  /** One slice: batches until the slice's CPU time is used; figures = {ops, CPU ns, allocated bytes}. */
  private static void slice(Op op, int batch, long sliceNanos, Meter meter, long[] figures) throws Throwable {
    long wallEnd = System.nanoTime() + sliceNanos * WALL_CAP;
    long bytesBefore = meter.allocatedBytes();
    long cpuBefore = meter.cpuNanos();
    long ops = 0;
    long cpu;
    do {
      op.run(batch);
      ops += batch;
      cpu = meter.cpuNanos() - cpuBefore;
    } while (cpu < sliceNanos && System.nanoTime() < wallEnd);
    figures[0] = ops;
    figures[1] = cpu;
    figures[2] = meter.allocatedBytes() - bytesBefore;
  }

  /**
   * The @Benchmark methods as ops, the floor first, then by name. Each is a method handle bound to the instance whose
   * result goes to a JMH Blackhole, so the JIT cannot drop the work.
   */
  static List<Variant> variants(List<Method> methods, Object instance, Blackhole blackhole, String floor,
      PrintStream progress) throws ReflectiveOperationException {
    List<Method> sorted = new ArrayList<>(methods);
    sorted.sort(Comparator.comparing((Method m) -> !m.getName().equals(floor)).thenComparing(Method::getName));
    List<Variant> variants = new ArrayList<>();
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    for (Method method : sorted) {
      Class<?>[] parameters = method.getParameterTypes();
      if (Modifier.isStatic(method.getModifiers()) || parameters.length > 1
          || (parameters.length == 1 && parameters[0] != Blackhole.class)) {
        progress.println("  skipped " + method.getName() + ": only instance methods taking nothing or a Blackhole");
        continue;
      }
      method.setAccessible(true);
      MethodHandle handle = lookup.unreflect(method).bindTo(instance);
      if (parameters.length == 1) {
        handle = MethodHandles.insertArguments(handle, 0, blackhole);
      }
      Class<?> returned = handle.type().returnType();
      if (returned != void.class) {
        Class<?> consumed = returned.isPrimitive() ? returned : Object.class;
        MethodHandle consume = lookup.findVirtual(Blackhole.class, "consume",
            MethodType.methodType(void.class, consumed)).bindTo(blackhole);
        handle = MethodHandles.filterReturnValue(handle.asType(handle.type().changeReturnType(consumed)), consume);
      }
      MethodHandle op = handle;
      variants.add(new Variant(method.getName(), n -> {
        for (int i = 0; i < n; i++) {
          op.invokeExact();
        }
      }));
    }
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("no @Benchmark method that can be run");
    }
    return variants;
  }

  private static void requireSupported(Method fixture, Level level) {
    if (level == Level.Invocation) {
      throw new IllegalArgumentException(fixture.getName() + ": Level.Invocation fixtures are not supported");
    }
    if (fixture.getParameterCount() != 0) {
      throw new IllegalArgumentException(fixture.getName() + ": fixtures with parameters are not supported");
    }
  }

  private static void invokeAll(List<Method> fixtures, Object instance, Level level, boolean setup)
      throws Throwable {
    for (Method m : fixtures) {
      Level declared = setup ? m.getAnnotation(Setup.class).value() : m.getAnnotation(TearDown.class).value();
      if (declared == level) {
        m.setAccessible(true);
        try {
          m.invoke(instance);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
  }

  private static Object construct(Class<?> type) throws Throwable {
    var constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Methods with the annotation, superclasses' first (as JMH runs inherited fixtures first), by name within one. */
  static List<Method> annotated(Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation) {
    Deque<Class<?>> hierarchy = new ArrayDeque<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.push(c);
    }
    List<Method> methods = new ArrayList<>();
    for (Class<?> c : hierarchy) {
      Arrays.stream(c.getDeclaredMethods())
          .filter(m -> m.isAnnotationPresent(annotation) && !m.isSynthetic())
          .sorted(Comparator.comparing(Method::getName))
          .forEach(methods::add);
    }
    return methods;
  }

  private static List<Field> fieldsWith(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.isAnnotationPresent(Param.class)) {
          fields.add(f);
        }
      }
    }
    return fields;
  }

  /** Every combination of the @Param values, the first field's values varying slowest. */
  static List<Map<Field, String>> combinations(List<Field> fields) {
    List<Map<Field, String>> result = new ArrayList<>();
    result.add(new LinkedHashMap<>());
    for (Field field : fields) {
      String[] values = field.getAnnotation(Param.class).value();
      if (values.length == 0) {
        throw new IllegalArgumentException(field.getName() + ": @Param without values is not supported");
      }
      List<Map<Field, String>> next = new ArrayList<>();
      for (Map<Field, String> partial : result) {
        for (String value : values) {
          Map<Field, String> extended = new LinkedHashMap<>(partial);
          extended.put(field, value);
          next.add(extended);
        }
      }
      result = next;
    }
    return result;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object convert(String value, Class<?> type) {
    if (type == String.class) {
      return value;
    } else if (type == int.class || type == Integer.class) {
      return Integer.parseInt(value);
    } else if (type == long.class || type == Long.class) {
      return Long.parseLong(value);
    } else if (type == double.class || type == Double.class) {
      return Double.parseDouble(value);
    } else if (type == float.class || type == Float.class) {
      return Float.parseFloat(value);
    } else if (type == boolean.class || type == Boolean.class) {
      return Boolean.parseBoolean(value);
    } else if (type == short.class || type == Short.class) {
      return Short.parseShort(value);
    } else if (type == byte.class || type == Byte.class) {
      return Byte.parseByte(value);
    } else if (type == char.class || type == Character.class) {
      return value.charAt(0);
    } else if (type.isEnum()) {
      return Enum.valueOf((Class<? extends Enum>) type, value);
    }
    throw new IllegalArgumentException("@Param of type " + type.getName() + " is not supported");
  }

  /** Per variant: CPU ns/op and B/op (median [IQR]), and its per-round ratio to every variant, the floor first. */
  static void print(Group group, PrintStream out) {
    List<String> names = new ArrayList<>(group.variants().keySet());
    out.println();
    out.println("## " + group.key() + " (interleaved)");
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-20s %28s %12s", "variant",
        "CPU ns/op [IQR]", "B/op"));
    for (String other : names) {
      header.append(String.format(Locale.ROOT, " %20s", "/ " + other));
    }
    out.println(header);
    for (String name : names) {
      Series s = group.variants().get(name);
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-20s %28s %12.0f", name,
          Stats.of(s.cpuNsPerOp()).format("%.0f"), Stats.of(s.allocBytesPerOp()).median()));
      for (String other : names) {
        line.append(String.format(Locale.ROOT, " %20s", group.ratio(name, other, Metric.CPU).format("%.2f")));
      }
      out.println(line);
    }
  }
}
