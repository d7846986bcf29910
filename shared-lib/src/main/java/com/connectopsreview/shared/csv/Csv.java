package com.connectopsreview.shared.csv;

import java.util.List;

/**
 * RFC 4180 text: fields separated by commas, records ended by CRLF, a field holding a comma, a quote
 * or a line break quoted with its quotes doubled; null is the empty field. For the files people load
 * into spreadsheets and ticketing systems (findings.csv, the Athena exports).
 */
public final class Csv {

  private Csv() {}

  /** A header record, then one record per row. */
  public static String of(List<String> header, List<? extends List<String>> rows) {
    StringBuilder out = new StringBuilder();
    record(out, header);
    for (List<String> row : rows) {
      record(out, row);
    }
    return out.toString();
  }

  /** Appends one record and its CRLF. */
  public static void record(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    out.append("\r\n");
  }

  public static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
