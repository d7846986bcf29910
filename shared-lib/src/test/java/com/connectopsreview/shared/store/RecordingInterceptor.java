package com.connectopsreview.shared.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every request a client sends, to assert which operations an adapter uses. */
final class RecordingInterceptor implements ExecutionInterceptor {

  private final List<SdkRequest> requests = new CopyOnWriteArrayList<>();
  private final List<String> operations = new CopyOnWriteArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    requests.add(context.request());
    operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }

  List<String> operations() {
    return List.copyOf(operations);
  }

  <T extends SdkRequest> List<T> requests(Class<T> type) {
    return requests.stream().filter(type::isInstance).map(type::cast).toList();
  }

  void clear() {
    requests.clear();
    operations.clear();
  }
}
