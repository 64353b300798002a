package io.github.bybitkit.cli;

import io.github.bybitkit.BybitApiException;
import io.github.bybitkit.BybitException;
import io.github.bybitkit.BybitRateLimitException;
import io.github.bybitkit.metadata.AuthScheme;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.metadata.ParameterInfo;
import io.github.bybitkit.testkit.FakeBybit;
import io.github.bybitkit.v5.model.BybitPortfolioMargin;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code bybit} command: {@code bybit <operation> [options]} for every operation of the spec, and {@code bybit
 * demo}. See {@link Commands} for the options, {@link Target} for {@code --env}, {@link ExitCode} for exit codes.
 */
public final class Main {
  /** On stderr whenever the sandbox answered, so its results are never taken for a real account's. */
  static final String SANDBOX_MARKER = "bybit: [sandbox] answered by the in-process fake Bybit, not a real account";

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /**
   * Runs one command in-process.
   *
   * @param out where results and help go
   * @param err where errors and usage mistakes go
   * @param environment the environment variables; credentials are read from here and nowhere else
   * @return the exit code, see {@link ExitCode}
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
    return run(args, out, err, environment, Main::freshSandbox);
  }

  /** A sandbox as a new user finds it (and as {@code bybit demo} starts): {@link Demo#startingPoint}. */
  static FakeBybit freshSandbox() {
    FakeBybit sandbox = FakeBybit.start();
    Demo.startingPoint(sandbox);
    return sandbox;
  }

  /**
   * @param sandboxes starts the sandbox's fake when the target is the sandbox; it is closed at the end of the run
   */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment,
      Supplier<FakeBybit> sandboxes) {
    List<SdkOperation> operations = Operations.ALL;
    CommandLine commandLine = Commands.commandLine(operations);
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    commandLine.setOut(outWriter);
    commandLine.setErr(errWriter);
    try {
      return dispatch(commandLine, args, out, err, environment, sandboxes);
    } catch (RuntimeException e) {
      // Nothing escapes: whatever failed may have happened after a request was sent, so it is a failure (3).
      err.println("bybit: unexpected failure (" + e.getClass().getSimpleName() + "); the request may have been sent");
      return ExitCode.FAILURE;
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  private static int dispatch(CommandLine commandLine, String[] args, PrintStream out, PrintStream err,
      Map<String, String> environment, Supplier<FakeBybit> sandboxes) {
    ParseResult parsed;
    try {
      parsed = commandLine.parseArgs(args);
    } catch (ParameterException e) {
      err.println("bybit: " + (e instanceof UnmatchedArgumentException unmatched ? unmatched(unmatched)
          : e.getMessage()));
      PrintWriter errWriter = commandLine.getErr();
      UnmatchedArgumentException.printSuggestions(e, errWriter);
      if (e.getCommandLine() == commandLine) {
        commandLine.usage(errWriter);
      } else {
        errWriter.println("Run 'bybit " + e.getCommandLine().getCommandName() + " --help' for its options.");
      }
      return ExitCode.USAGE;
    }
    if (CommandLine.printHelpIfRequested(parsed)) {
      return ExitCode.OK;
    }
    ParseResult command = parsed.subcommand();
    if (command == null) {
      commandLine.usage(commandLine.getErr());
      return ExitCode.USAGE;
    }
    String name = command.commandSpec().name();
    try {
      if (name.equals(Commands.DEMO)) {
        return Demo.run(out, err, sandboxes, SandboxState.of(environment),
            command.hasMatchedOption(Commands.DEMO_V2));
      }
      if (name.equals(Commands.COMPLETION)) {
        out.print(AutoComplete.bash("bybit", commandLine));
        out.flush();
        return ExitCode.OK;
      }
      if (name.equals(Commands.SANDBOX)) {
        return sandbox(commandLine, command, out, SandboxState.of(environment));
      }
      if (name.equals(Commands.HELP)) {
        return help(commandLine, command.matchedPositionalValue(0, null), err);
      }
      SdkOperation operation = Operations.BY_ID.get(name);
      Target target = Target.resolve(command.matchedOptionValue(Commands.ENV, null), environment);
      Output output = new Output(command.hasMatchedOption(Commands.JSON), command.hasMatchedOption(Commands.RAW),
          columns(command.matchedOptionValue(Commands.COLUMNS, null), command.hasMatchedOption(Commands.JSON)),
          command.hasMatchedOption(Commands.PLOT), svgFile(command.matchedOptionValue(Commands.SVG, null)));
      if (output.plot() && (output.json() || output.columns() != null)) {
        throw new UsageException("--plot draws a chart instead of the tables: not with --json or --columns.");
      }
      return call(operation, command, target, output, out, err, environment, sandboxes);
    } catch (UsageException e) {
      err.println("bybit: " + e.getMessage());
      return ExitCode.USAGE;
    }
  }

  /** {@code bybit sandbox reset}: forgets the saved account. */
  private static int sandbox(CommandLine commandLine, ParseResult command, PrintStream out, SandboxState state) {
    ParseResult action = command.subcommand();
    if (action == null) {
      commandLine.getSubcommands().get(Commands.SANDBOX).usage(commandLine.getErr());
      return ExitCode.USAGE;
    }
    try {
      boolean existed = state.reset();
      out.println((existed ? "Removed " : "Nothing saved at ") + state.file() + ": the next command against the"
          + " sandbox starts from a fresh account.");
      return ExitCode.OK;
    } catch (IOException e) {
      out.flush();
      commandLine.getErr().println("bybit: cannot remove " + state.file() + " (" + e.getClass().getSimpleName()
          + ")");
      return ExitCode.FAILURE;
    }
  }

  /** {@code bybit help [<command>]}: the usage on stdout, like {@code --help}; an unknown command is a usage error. */
  private static int help(CommandLine commandLine, String name, PrintStream err) {
    if (name == null) {
      commandLine.usage(commandLine.getOut());
      return ExitCode.OK;
    }
    CommandLine command = commandLine.getSubcommands().get(name);
    if (command == null) {
      // Subcommands are case-insensitive when run; help finds them the same way.
      command = commandLine.getSubcommands().entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }
    if (command == null) {
      err.println("bybit: Unknown operation: '" + ResultTable.printable(name) + "'");
      UnmatchedArgumentException.printSuggestions(
          new UnmatchedArgumentException(commandLine, List.of(name)), commandLine.getErr());
      err.println("Run 'bybit help' for the operations.");
      return ExitCode.USAGE;
    }
    command.usage(commandLine.getOut());
    return ExitCode.OK;
  }

  /**
   * How a result is printed: {@code --json}, {@code --raw}, {@code --columns} (null: all), {@code --plot},
   * {@code --svg} (null: none).
   */
  record Output(boolean json, boolean raw, List<String> columns, boolean plot, Path svg) {
    String render(Object result) {
      if (plot && result instanceof BybitPortfolioMargin margin) {
        return PnlChart.terminal(PnlChart.of(margin));
      }
      return json ? ResultJson.write(result, raw) + "\n" : ResultTable.render(result, raw, columns);
    }
  }

  /** The {@code --svg} file, checked before anything is sent: its directory must exist. */
  static Path svgFile(String text) {
    if (text == null) {
      return null;
    }
    try {
      Path file = Path.of(text).toAbsolutePath();
      if (text.isBlank() || Files.isDirectory(file) || !Files.isDirectory(file.getParent())) {
        throw new UsageException("Invalid value for --svg: '" + ResultTable.printable(text) + "'. Expected a file in"
            + " an existing directory, such as pnl.svg.");
      }
      return file;
    } catch (InvalidPathException e) {
      throw new UsageException("Invalid value for --svg: '" + ResultTable.printable(text) + "' is not a file path.");
    }
  }

  /** The {@code --columns} list, checked before anything is sent; null without the option. */
  static List<String> columns(String text, boolean json) {
    if (text == null) {
      return null;
    }
    if (json) {
      throw new UsageException("--columns chooses table columns; --json prints every field. Use one of them.");
    }
    List<String> columns = java.util.Arrays.stream(text.split(",", -1)).map(String::strip).toList();
    if (columns.stream().anyMatch(String::isEmpty)) {
      throw new UsageException("Invalid value for --columns: '" + ResultTable.printable(text) + "'. Expected field"
          + " names separated by commas, such as --columns id,closed_pnl,created_at.");
    }
    return columns.stream().distinct().toList();
  }

  private static int call(SdkOperation operation, ParseResult command, Target target, Output output, PrintStream out,
      PrintStream err, Map<String, String> environment, Supplier<FakeBybit> sandboxes) {
    OperationInfo info = operation.info();
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParameterInfo parameter : info.parameters()) {
      OptionSpec option = command.commandSpec().findOption(Names.option(parameter));
      if (command.hasMatchedOption(option)) {
        String text = command.matchedOptionValue(option.longestName(), null);
        texts.put(parameter.wireName(), text);
        values.put(parameter.wireName(), ParameterValues.convert(parameter, text));
      }
    }
    try (Session session = Session.open(target, environment, sandboxes)) {
      if (info.auth() != AuthScheme.NONE && !session.signed()) {
        String missing = Target.missingCredential(environment);
        throw new UsageException(info.operationId() + " is signed: " + (missing != null ? missing + " Set it"
            : "set " + Target.API_KEY_VARIABLE + " and " + Target.API_SECRET_VARIABLE)
            + " in the environment (never in arguments), or use --env sandbox.");
      }
      if (info.auth() == AuthScheme.V2_SIGNED && session.rsa()) {
        throw new UsageException(info.operationId() + " is a legacy v2 operation, which only an HMAC key can sign: set "
            + Target.API_SECRET_VARIABLE + " instead of " + Target.RSA_KEY_FILE_VARIABLE + ".");
      }
      Object result;
      try {
        result = operation.invoke(session.client(), values);
      } finally {
        session.saveSandbox(err);
      }
      markSandbox(target, err);
      if (output.svg() != null && result instanceof BybitPortfolioMargin margin) {
        try {
          Files.writeString(output.svg(), PnlSvg.render(PnlChart.of(margin)));
          err.println("bybit: wrote the P&L chart to " + output.svg());
        } catch (IOException e) {
          err.println("bybit: cannot write " + output.svg() + " (" + e.getClass().getSimpleName() + ")");
          return ExitCode.FAILURE;
        }
      }
      String text;
      try {
        text = output.render(result);
      } catch (ResultTable.UnknownColumnsException e) {
        err.println("bybit: " + e.getMessage());
        return ExitCode.USAGE;
      } catch (RuntimeException e) {
        // The request was sent and answered; only printing failed. The message could quote a value: not shown.
        err.println("Request sent, but its result cannot be printed (" + e.getClass().getSimpleName() + ")");
        return ExitCode.FAILURE;
      }
      out.print(text);
      out.flush();
      return ExitCode.OK;
    } catch (IllegalArgumentException e) {
      // The generated code refused a parameter (range, non-zero): nothing was sent.
      Optional<ParameterInfo> refused = refusedParameter(info, e.getMessage());
      err.println("bybit: " + refused
          .map(p -> ParameterValues.invalid(p, texts.get(p.wireName())).getMessage())
          .orElse(e.getMessage()));
      return ExitCode.USAGE;
    } catch (BybitException e) {
      markSandbox(target, err);
      return reportFailure(e, err);
    }
  }

  private static void markSandbox(Target target, PrintStream err) {
    if (target.isSandbox()) {
      err.println(SANDBOX_MARKER);
    }
  }

  /**
   * picocli's own message quotes every unmatched argument, which would print a secret someone passed as {@code
   * --api-secret XYZ}; this one names the operation or the options only, never their values.
   */
  private static String unmatched(UnmatchedArgumentException e) {
    List<String> arguments = e.getUnmatched();
    if (e.getCommandLine().getParent() == null && !arguments.isEmpty() && !arguments.get(0).startsWith("-")) {
      return "Unknown operation: '" + arguments.get(0) + "'";
    }
    List<String> options = arguments.stream()
        .filter(argument -> argument.startsWith("-"))
        .map(option -> option.contains("=") ? option.substring(0, option.indexOf('=')) : option)
        .toList();
    if (options.isEmpty()) {
      return "Unexpected arguments after the options (values are not printed)";
    }
    String hint = options.stream().anyMatch(o -> o.toLowerCase(java.util.Locale.ROOT).matches(".*(key|secret).*"))
        ? ". Credentials are read only from the environment variables " + Target.API_KEY_VARIABLE + " and "
            + Target.API_SECRET_VARIABLE
        : "";
    return "Unknown option" + (options.size() > 1 ? "s" : "") + ": '" + String.join("', '", options) + "'" + hint;
  }

  /**
   * Bybit's refusal and rate limits exit with 1, everything else that went wrong on the way with 3. The messages
   * come from the network, so they are printed {@link ResultTable#printable printable}.
   */
  static int reportFailure(BybitException e, PrintStream err) {
    if (e instanceof BybitApiException api) {
      err.println("Bybit error " + api.retCode() + ": " + ResultTable.printable(api.retMsg()));
      return ExitCode.BYBIT_ERROR;
    }
    if (e instanceof BybitRateLimitException limit) {
      err.println(limit.retCode().isPresent()
          ? "Bybit error " + limit.retCode().getAsInt() + ": " + ResultTable.printable(limit.retMsg().orElse(""))
          : "Bybit rate limit: " + ResultTable.printable(e.getMessage()));
      return ExitCode.BYBIT_ERROR;
    }
    err.println("Request failed: " + ResultTable.printable(e.getMessage()));
    return ExitCode.FAILURE;
  }

  /**
   * The parameter an {@code IllegalArgumentException} of the generated code names: its messages read
   * "{@code <operationId>: <javaName> [(<wireName>)] must ...}".
   */
  static Optional<ParameterInfo> refusedParameter(OperationInfo operation, String message) {
    String prefix = operation.operationId() + ": ";
    if (message == null || !message.startsWith(prefix)) {
      return Optional.empty();
    }
    String rest = message.substring(prefix.length());
    return operation.parameters().stream()
        .sorted(Comparator.comparingInt((ParameterInfo p) -> p.javaName().length()).reversed())
        .filter(p -> rest.startsWith(p.javaName() + " (" + p.wireName() + ")") || rest.startsWith(p.javaName() + " "))
        .findFirst();
  }

  /** Built once per JVM: reflection over the generated clients. */
  private static final class Operations {
    static final List<SdkOperation> ALL = SdkOperation.all();
    static final Map<String, SdkOperation> BY_ID = ALL.stream()
        .collect(Collectors.toUnmodifiableMap(op -> op.info().operationId(), Function.identity()));
  }
}
