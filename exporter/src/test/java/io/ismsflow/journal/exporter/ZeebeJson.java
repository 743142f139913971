package io.ismsflow.journal.exporter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.jackson.ZeebeProtocolModule;
import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.Record;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Makes test records serializable the way the broker's records are: {@code ImmutableRecord#toJson()}
 * does not work, so the returned record answers {@code toJson()} with Jackson and the Zeebe protocol
 * module and delegates everything else to the immutable record.
 */
final class ZeebeJson {

  static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new ZeebeProtocolModule());

  private ZeebeJson() {}

  static String toJson(Record<?> record) {
    try {
      return MAPPER.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static <T extends io.camunda.zeebe.protocol.record.RecordValue> Record<T> serializable(
      ImmutableRecord<T> record) {
    var json = toJson(record);
    return (Record<T>)
        Proxy.newProxyInstance(
            ZeebeJson.class.getClassLoader(),
            new Class<?>[] {Record.class},
            (proxy, method, args) -> {
              if (method.getName().equals("toJson") && method.getParameterCount() == 0) {
                return json;
              }
              try {
                return method.invoke(record, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
