package com.connectopsreview.system;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every function's Handler names a class the Lambda Java runtime can start: present on the classpath,
 * public, concrete, a RequestStreamHandler or RequestHandler, with a public no-arg constructor and the
 * named method. Classes are loaded without being initialised, so no handler builds its AWS clients here.
 */
final class HandlerCheck {

  static final String DEFAULT_METHOD = "handleRequest";

  private HandlerCheck() {}

  static List<String> check(Template template, ClassLoader classLoader) {
    List<String> problems = new ArrayList<>();
    for (String function : template.functions()) {
      String path = "Resources." + function + ".Properties.Handler";
      Object handler = template.functionProperty(function, "Handler").orElse(null);
      if (!(handler instanceof String spec) || spec.isBlank()) {
        problems.add(path + ": missing (expected package.Class::method)");
        continue;
      }
      checkHandler(spec, classLoader, path, problems);
    }
    return problems;
  }

  /** The class part of {@code package.Class::method}. */
  static String className(String handler) {
    int separator = handler.indexOf("::");
    return separator < 0 ? handler : handler.substring(0, separator);
  }

  static String methodName(String handler) {
    int separator = handler.indexOf("::");
    return separator < 0 ? DEFAULT_METHOD : handler.substring(separator + 2);
  }

  private static void checkHandler(String spec, ClassLoader classLoader, String path, List<String> problems) {
    String className = className(spec);
    Class<?> type;
    try {
      type = Class.forName(className, false, classLoader);
    } catch (ClassNotFoundException | LinkageError e) {
      problems.add(path + ": class " + className + " is not on the classpath (" + e + ")");
      return;
    }
    if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())
        || type.isInterface()) {
      problems.add(path + ": " + className + " must be a public concrete class");
    }
    boolean stream = RequestStreamHandler.class.isAssignableFrom(type);
    if (!stream && !RequestHandler.class.isAssignableFrom(type)) {
      problems.add(path + ": " + className + " implements neither RequestStreamHandler nor RequestHandler");
      return;
    }
    try {
      if (!Modifier.isPublic(type.getConstructor().getModifiers())) {
        problems.add(path + ": " + className + " has no public no-arg constructor");
      }
    } catch (NoSuchMethodException e) {
      problems.add(path + ": " + className + " has no public no-arg constructor");
    }
    String method = methodName(spec);
    boolean found = Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(method) && !Modifier.isStatic(m.getModifiers()))
        .anyMatch(m -> stream ? isStreamHandlerMethod(m) : isRequestHandlerMethod(m));
    if (!found) {
      problems.add(path + ": " + className + " has no public method " + method
          + (stream ? "(InputStream, OutputStream, Context)" : "(input, Context)"));
    }
  }

  private static boolean isStreamHandlerMethod(Method m) {
    return Arrays.equals(m.getParameterTypes(),
        new Class<?>[] {InputStream.class, OutputStream.class, Context.class});
  }

  private static boolean isRequestHandlerMethod(Method m) {
    return m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class && !m.isBridge();
  }
}
