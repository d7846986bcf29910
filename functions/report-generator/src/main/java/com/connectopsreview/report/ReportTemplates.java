package com.connectopsreview.report;

import com.connectopsreview.report.exception.ReportRenderingException;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The one FreeMarker {@link Configuration} of this execution environment. Building it is expensive
 * and it caches parsed templates, so it is created once, fully set up before first use (after which
 * it is thread-safe), and never changed again.
 *
 * <p>Templates live on the classpath under {@code templates/}; {@code .ftlh} files use the HTML
 * output format, so every interpolation is HTML-escaped unless a template opts out (ours never do).
 */
final class ReportTemplates {

  static final String REPORT_HTML = "report.ftlh";

  private static final Configuration CONFIGURATION = create();

  private ReportTemplates() {}

  static Configuration configuration() {
    return CONFIGURATION;
  }

  /** Renders a template with a model of plain Maps, Lists, Strings and Numbers. */
  static String render(String templateName, Map<String, Object> model) {
    try {
      Template template = CONFIGURATION.getTemplate(templateName);
      StringWriter out = new StringWriter(64 * 1024);
      template.process(model, out);
      return Formats.visibleBidiControls(out.toString());
    } catch (TemplateException e) {
      // Template name and line only: the message may quote data values.
      throw new ReportRenderingException("cannot render " + templateName + " (template "
          + e.getTemplateSourceName() + ", line " + e.getLineNumber() + ")", e);
    } catch (IOException e) {
      throw new ReportRenderingException("cannot load template " + templateName, e);
    }
  }

  private static Configuration create() {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setClassLoaderForTemplateLoading(ReportTemplates.class.getClassLoader(), "templates");
    cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
    cfg.setOutputEncoding(StandardCharsets.UTF_8.name());
    // .ftlh is HTML regardless; set it as the default too, so no template can end up unescaped.
    cfg.setRecognizeStandardFileExtensions(true);
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    // The model carries preformatted text; numbers that slip through print without locale grouping.
    cfg.setLocale(Locale.ROOT);
    cfg.setNumberFormat("computer");
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    return cfg;
  }
}
