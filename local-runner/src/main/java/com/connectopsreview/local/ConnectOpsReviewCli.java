package com.connectopsreview.local;

import com.connectopsreview.shared.exception.ConfigurationException;
import com.connectopsreview.shared.exception.StoreException;
import com.connectopsreview.shared.registry.AnalyzerRegistry;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of the local runner: {@code connect-ops-review review|reviews ...}. */
@Command(name = "connect-ops-review", mixinStandardHelpOptions = true, version = "connect-ops-review 0.1.0",
    description = "Operational review of an Amazon Connect instance, run on this machine.",
    subcommands = {ReviewCommand.class, ReviewsCommand.class})
public final class ConnectOpsReviewCli implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  public static void main(String[] args) {
    // Before any logger exists: plain warnings on stderr instead of the Lambda JSON lines.
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "log4j2-cli.xml");
    }
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams and returns its exit code (tests call this). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    System.setProperty("connect-ops-review.analyzers", String.join(", ", AnalyzerRegistry.names()));
    CommandLine cli = new CommandLine(new ConnectOpsReviewCli());
    cli.setOut(out);
    cli.setErr(err);
    // Every problem is one line on stderr and exit code 2; --help says the rest.
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("error: " + oneLine(e.getMessage()) + " (see --help)");
      err.flush();
      return ExitCodes.BAD_INPUT;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      int code = e instanceof CliException c ? c.exitCode() : ExitCodes.BAD_INPUT;
      String message = e instanceof CliException || e instanceof ConfigurationException || e instanceof StoreException
          ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
      err.println("error: " + oneLine(message));
      err.flush();
      return code;
    });
    return cli.execute(args);
  }

  private static String oneLine(String message) {
    return message == null ? "unknown error" : message.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
