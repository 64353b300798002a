package io.github.bybitkit.cli;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.enums.BybitEnum;
import io.github.bybitkit.metadata.AuthScheme;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.metadata.ParameterInfo;
import io.github.bybitkit.v5.model.BybitPortfolioMargin;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The picocli model of {@code bybit}, built from the spec's registry: a command per operation named by its
 * operationId, an option per parameter named by its wire name ({@link Names}), help texts from the spec's summaries
 * and descriptions, and the allowed values ({@link ParameterValues#allowed}). Plus {@code demo}.
 */
final class Commands {
  static final String ENV = "--env";
  static final String JSON = "--json";
  static final String RAW = "--raw";
  static final String COLUMNS = "--columns";
  static final String PLOT = "--plot";
  static final String SVG = "--svg";
  static final String DEMO = "demo";
  /** {@code bybit demo --v2}: the legacy v2 session instead of today's v5 one. */
  static final String DEMO_V2 = "--v2";
  static final String HELP = "help";
  static final String SANDBOX = "sandbox";
  static final String RESET = "reset";
  static final String COMPLETION = "completion";
  private static final int WIDTH = 100;
  private static final String SANDBOX_STATE_TEXT = "~/.bybitkit/sandbox.json (or the file "
      + SandboxState.STATE_VARIABLE + " names)";

  private Commands() {}

  static CommandLine commandLine(List<SdkOperation> operations) {
    // Options are added by hand, not by mixinStandardHelpOptions: its texts need variable interpolation, which is
    // off so that "${" in a spec description is printed as it is.
    CommandSpec root = CommandSpec.create()
        .name("bybit")
        .version("bybit, " + BybitClient.USER_AGENT)
        .interpolateVariables(false);
    root.addOption(helpOption());
    root.addOption(OptionSpec.builder("-V", "--version")
        .versionHelp(true)
        .description("Print the version and exit.")
        .build());
    root.usageMessage()
        .width(WIDTH)
        .customSynopsis("bybit <operation> [options]", "       bybit demo", "       bybit help [<operation>]")
        .optionListHeading("Options:%n")
        .description("Calls the Bybit REST API through BybitKit: a command per operation of the SDK's spec, options"
            + " named after the parameters' wire names.")
        .commandListHeading("%nOperations:%n")
        .footer(escape(String.join("\n",
            "",
            "Targets (--env): sandbox (an in-process fake Bybit; the default when neither " + Target.API_KEY_VARIABLE
                + " nor " + Target.API_SECRET_VARIABLE + " is set), testnet, mainnet, demo (demo trading), or an"
                + " http(s) URL. With both set, --env is required; with one, the command is refused.",
            "Sandbox: its account is kept in " + SANDBOX_STATE_TEXT + " between runs; 'bybit sandbox reset' starts"
                + " over. bybit demo resets it to where the demo starts.",
            "Credentials: only from the environment variables " + Target.API_KEY_VARIABLE + " and "
                + Target.API_SECRET_VARIABLE + ", never from arguments. For a self-generated RSA key (v5 only), "
                + Target.RSA_KEY_FILE_VARIABLE + " names its PKCS#8 PEM private key file instead of the secret.",
            "Output: aligned tables; --json prints the decoded result exactly (Bybit's field names, decimals as"
                + " sent). Times are ISO-8601 UTC; --raw prints them as Bybit sent them.",
            "Exit codes: 0 ok, 1 Bybit refused the request (its code and message are printed), 2 bad input or"
                + " usage (nothing sent), 3 no usable answer (connection, HTTP error page, undecodable body).")));
    for (SdkOperation operation : operations) {
      root.addSubcommand(operation.info().operationId(), operationCommand(operation.info()));
    }
    root.addSubcommand(DEMO, demoCommand());
    root.addSubcommand(HELP, helpCommand());
    root.addSubcommand(SANDBOX, sandboxCommand());
    root.addSubcommand(COMPLETION, completionCommand());
    CommandLine commandLine = new CommandLine(root);
    commandLine.setSubcommandsCaseInsensitive(true);
    return commandLine;
  }

  private static CommandSpec operationCommand(OperationInfo operation) {
    CommandSpec command = CommandSpec.create()
        .name(operation.operationId())
        .interpolateVariables(false);
    command.usageMessage()
        .width(WIDTH)
        .sortOptions(false)
        .sortSynopsis(false)
        .optionListHeading("Options:%n")
        .header(escape(operation.summary()))
        .description(description(operation));
    for (ParameterInfo parameter : operation.parameters()) {
      OptionSpec.Builder option = OptionSpec.builder(Names.option(parameter))
          .paramLabel("<" + parameter.wireName() + ">")
          .type(String.class)
          .required(parameter.required())
          .description(escape(optionDescription(parameter)));
      if (isEnum(parameter)) {
        option.completionCandidates(ParameterValues.enumWireValues(parameter.javaType()));
      }
      command.addOption(option.build());
    }
    addCommonOptions(command);
    if (plottable(operation)) {
      command.addOption(OptionSpec.builder(PLOT)
          .arity("0")
          .type(boolean.class)
          .description("Draw the P&L ranges (all, perpetual, option; a chart per base coin) over the price move as a"
              + " terminal chart instead of the tables.")
          .build());
      command.addOption(OptionSpec.builder(SVG)
          .paramLabel("<file>")
          .type(String.class)
          .description("Also write the same chart as an SVG file, for a browser.")
          .build());
    }
    return command;
  }

  /** Operations whose result has P&L ranges to plot: portfolio margin. */
  static boolean plottable(OperationInfo operation) {
    return operation.resultType() == BybitPortfolioMargin.class;
  }

  private static CommandSpec demoCommand() {
    CommandSpec command = CommandSpec.create().name(DEMO).interpolateVariables(false);
    command.usageMessage()
        .width(WIDTH)
        .header("A scripted session against the sandbox")
        .description("Runs today's API (v5) against the in-process fake Bybit and prints each step: account info,"
            + " wallet balance, positions, set leverage, switch the account to isolated margin, add margin,"
            + " positions again, closed P&L (every cursor page), last funding fee, portfolio margin. Needs no"
            + " credentials and changes no real account.");
    command.addOption(OptionSpec.builder(DEMO_V2)
        .arity("0")
        .type(boolean.class)
        .description("Run the legacy v2 session instead (Bybit switched v2 off in October 2023).")
        .build());
    command.addOption(helpOption());
    return command;
  }

  private static CommandSpec sandboxCommand() {
    CommandSpec command = CommandSpec.create().name(SANDBOX).interpolateVariables(false);
    command.usageMessage()
        .width(WIDTH)
        .header("The sandbox's saved account")
        .description("Runs against the sandbox keep its account in " + SANDBOX_STATE_TEXT + ", so each command sees"
            + " what the previous one changed.")
        .commandListHeading("%nCommands:%n");
    command.addOption(helpOption());
    CommandSpec reset = CommandSpec.create().name(RESET).interpolateVariables(false);
    reset.usageMessage()
        .width(WIDTH)
        .header("Forget the saved account: the next command starts from a fresh sandbox");
    reset.addOption(helpOption());
    command.addSubcommand(RESET, reset);
    return command;
  }

  private static CommandSpec completionCommand() {
    CommandSpec command = CommandSpec.create().name(COMPLETION).interpolateVariables(false);
    command.usageMessage()
        .width(WIDTH)
        .header("Print a bash/zsh completion script for bybit")
        .description("picocli's generated script: operations, options and enum values complete with Tab. Load it"
            + " in the current shell with: source <(bybit completion). bybit must be on the PATH under that name.");
    command.addOption(helpOption());
    return command;
  }

  private static CommandSpec helpCommand() {
    CommandSpec command = CommandSpec.create().name(HELP).interpolateVariables(false);
    command.usageMessage()
        .width(WIDTH)
        .header("Show the operations, or one command's options")
        .description("bybit help lists every operation; bybit help <command> is bybit <command> --help.");
    command.addPositional(PositionalParamSpec.builder()
        .paramLabel("<command>")
        .arity("0..1")
        .type(String.class)
        .description("An operation, or demo.")
        .build());
    command.addOption(helpOption());
    return command;
  }

  private static void addCommonOptions(CommandSpec command) {
    command.addOption(OptionSpec.builder(ENV)
        .paramLabel("<target>")
        .type(String.class)
        .description("Where to send the request: sandbox (an in-process fake Bybit; the default when "
            + Target.API_KEY_VARIABLE + " and " + Target.API_SECRET_VARIABLE + " are not both set), testnet,"
            + " mainnet, demo (demo trading), or an http(s) URL. Required when both are set.")
        .build());
    command.addOption(OptionSpec.builder(JSON)
        .arity("0")
        .type(boolean.class)
        .description("Print the result as JSON, exactly as decoded: Bybit's field names, decimals as sent.")
        .build());
    command.addOption(OptionSpec.builder(RAW)
        .arity("0")
        .type(boolean.class)
        .description("Print time fields as Bybit sent them (Unix seconds or milliseconds, or text) instead of"
            + " ISO-8601 UTC.")
        .build());
    command.addOption(OptionSpec.builder(COLUMNS)
        .paramLabel("<field,...>")
        .type(String.class)
        .description("Show only these fields, in this order, as a compact table (Bybit's field names, as in the"
            + " table's header), e.g. --columns id,side,closed_pnl,created_at.")
        .build());
    command.addOption(helpOption());
  }

  private static OptionSpec helpOption() {
    return OptionSpec.builder("-h", "--help")
        .usageHelp(true)
        .description("Show this help and exit.")
        .build();
  }

  private static String[] description(OperationInfo operation) {
    List<String> lines = new ArrayList<>();
    if (operation.description() != null) {
      lines.add(escape(paragraph(operation.description())));
    }
    String signing = operation.auth() == AuthScheme.NONE ? "public, unsigned"
        : "signed with " + Target.API_KEY_VARIABLE + " and " + Target.API_SECRET_VARIABLE;
    lines.add(escape(operation.httpMethod() + " " + operation.path() + ", " + signing + "."));
    lines.add(escape("Bybit's documentation: " + operation.docsUrl()));
    return lines.toArray(String[]::new);
  }

  private static String optionDescription(ParameterInfo parameter) {
    List<String> sentences = new ArrayList<>();
    if (parameter.description() != null) {
      sentences.add(paragraph(parameter.description()));
    }
    if (isEnum(parameter)) {
      sentences.add("Allowed: " + String.join(", ", ParameterValues.enumChoices(parameter.javaType())) + ".");
    } else if (parameter.javaType() != String.class) {
      String allowed = ParameterValues.allowed(parameter);
      sentences.add(Character.toUpperCase(allowed.charAt(0)) + allowed.substring(1) + ".");
    }
    if (parameter.required()) {
      sentences.add("Required.");
    }
    return String.join(" ", sentences);
  }

  private static boolean isEnum(ParameterInfo parameter) {
    return parameter.javaType().isEnum() && BybitEnum.class.isAssignableFrom(parameter.javaType());
  }

  /** The spec wraps its descriptions; picocli wraps again to the terminal width. */
  private static String paragraph(String text) {
    return text.strip().replaceAll("\\s*\n\\s*", " ");
  }

  /** picocli formats help texts with String.format: a literal % must be doubled. */
  private static String escape(String text) {
    return text.replace("%", "%%").replace("\n", "%n");
  }
}
