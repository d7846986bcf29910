package com.connectopsreview.system;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * What a DynamoDB table must look like for the store to work, comparable between the template's
 * AWS::DynamoDB::Table and the store's CreateTableRequest. Maps are sorted so that equal shapes print
 * alike and a mismatch shows side by side.
 *
 * @param keySchema attribute name → HASH / RANGE
 * @param attributes attribute name → S / N / B
 * @param indexes GSI name → its key schema and projection type
 * @param billingMode PAY_PER_REQUEST or PROVISIONED
 * @param ttlAttribute the TTL attribute, or null when TTL is off
 */
record TableShape(Map<String, String> keySchema, Map<String, String> attributes,
    Map<String, String> indexes, String billingMode, String ttlAttribute) {

  static TableShape fromTemplate(Map<String, Object> properties) {
    Map<String, String> attributes = new TreeMap<>();
    for (Object definition : Template.list(properties.get("AttributeDefinitions"))) {
      Map<String, Object> attribute = Template.map(definition);
      attributes.put(String.valueOf(attribute.get("AttributeName")), String.valueOf(attribute.get("AttributeType")));
    }
    Map<String, String> indexes = new TreeMap<>();
    for (Object definition : Template.list(properties.get("GlobalSecondaryIndexes"))) {
      Map<String, Object> index = Template.map(definition);
      indexes.put(String.valueOf(index.get("IndexName")),
          keys(templateKeySchema(index.get("KeySchema"))) + " projection "
              + Template.map(index.get("Projection")).get("ProjectionType"));
    }
    Map<String, Object> ttl = Template.map(properties.get("TimeToLiveSpecification"));
    Object ttlAttribute = Boolean.TRUE.equals(ttl.get("Enabled")) ? ttl.get("AttributeName") : null;
    return new TableShape(templateKeySchema(properties.get("KeySchema")), attributes, indexes,
        String.valueOf(properties.get("BillingMode")), ttlAttribute == null ? null : ttlAttribute.toString());
  }

  static TableShape fromStore(CreateTableRequest table, UpdateTimeToLiveRequest timeToLive) {
    Map<String, String> attributes = new TreeMap<>();
    table.attributeDefinitions().forEach(a -> attributes.put(a.attributeName(), a.attributeTypeAsString()));
    Map<String, String> indexes = new TreeMap<>();
    for (GlobalSecondaryIndex index : table.globalSecondaryIndexes()) {
      indexes.put(index.indexName(),
          keys(sdkKeySchema(index.keySchema())) + " projection " + index.projection().projectionTypeAsString());
    }
    var ttl = timeToLive.timeToLiveSpecification();
    return new TableShape(sdkKeySchema(table.keySchema()), attributes, indexes, table.billingModeAsString(),
        Boolean.TRUE.equals(ttl.enabled()) ? ttl.attributeName() : null);
  }

  private static Map<String, String> templateKeySchema(Object keySchema) {
    Map<String, String> keys = new TreeMap<>();
    for (Object element : Template.list(keySchema)) {
      Map<String, Object> key = Template.map(element);
      keys.put(String.valueOf(key.get("AttributeName")), String.valueOf(key.get("KeyType")));
    }
    return keys;
  }

  private static Map<String, String> sdkKeySchema(List<KeySchemaElement> keySchema) {
    Map<String, String> keys = new TreeMap<>();
    keySchema.forEach(k -> keys.put(k.attributeName(), k.keyTypeAsString()));
    return keys;
  }

  private static String keys(Map<String, String> keySchema) {
    return keySchema.toString();
  }
}
