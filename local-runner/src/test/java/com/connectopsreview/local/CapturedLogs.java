package com.connectopsreview.local;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Every log event the suite's own code writes while open, at every level down to TRACE, with its
 * message, thrown exception and context data: what a deployment's log group would hold if it logged
 * everything. The sandbox's loggers are left out (it is the customer side, not the product).
 */
final class CapturedLogs implements AutoCloseable {

  private static final String PRODUCT = "com.connectopsreview";
  private static final String SANDBOX = "com.connectopsreview.local.sandbox";

  private final List<String> lines = new ArrayList<>();
  private final LoggerContext context;
  private final Appender appender;
  private final Level previous;
  private final boolean added;

  private final class Appender extends AbstractAppender {
    Appender() {
      super("captured", null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event) {
      if (event.getLoggerName().startsWith(SANDBOX)) {
        return;
      }
      StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
          .append(event.getMessage().getFormattedMessage()).append(' ').append(event.getContextData());
      for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
        line.append(" | ").append(t);
      }
      synchronized (lines) {
        lines.add(line.toString());
      }
    }
  }

  private CapturedLogs() {
    context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    appender = new Appender();
    appender.start();
    LoggerConfig product = config.getLoggerConfig(PRODUCT);
    added = !product.getName().equals(PRODUCT);
    if (added) {
      // Not additive: TRACE from every class would otherwise flood the console appender too.
      product = new LoggerConfig(PRODUCT, Level.TRACE, false);
      config.addLogger(PRODUCT, product);
    }
    previous = product.getLevel();
    product.setLevel(Level.TRACE);
    product.addAppender(appender, Level.TRACE, null);
    context.updateLoggers();
  }

  static CapturedLogs start() {
    return new CapturedLogs();
  }

  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  @Override
  public void close() {
    Configuration config = context.getConfiguration();
    if (added) {
      config.removeLogger(PRODUCT);
    } else {
      LoggerConfig product = config.getLoggerConfig(PRODUCT);
      product.removeAppender(appender.getName());
      product.setLevel(previous);
    }
    context.updateLoggers();
    appender.stop();
  }
}
