package com.connectopsreview.local;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One CLI invocation in this JVM: exit code, stdout, stderr. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ConnectOpsReviewCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }

  List<String> errLines() {
    return err.lines().filter(l -> !l.isBlank()).toList();
  }
}
