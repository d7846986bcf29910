-- query: flow_disconnects
-- Contacts that ended in a flow: inbound or transferred contacts never queued and never connected to
-- an agent, counted against the last flow they were in (contact_flow_events, latest start_timestamp),
-- split by who disconnected (contact_record's disconnect_reason). Reads contact_record and
-- contact_flow_events; flow events are read one day past the window, for contacts that began just
-- before its end. Each contact_id counts once.
WITH "contacts" AS (
  SELECT "contact_id", "initiation_method", "disconnect_reason", "queue_enqueue_timestamp",
    "agent_connected_to_agent_timestamp",
    ROW_NUMBER() OVER (PARTITION BY "contact_id" ORDER BY "data_lake_last_processed_timestamp" DESC) AS "copy"
  FROM {{contact_record}}
  WHERE "instance_id" = :instance_id
    AND "initiation_timestamp" >= CAST(:window_start AS timestamp)
    AND "initiation_timestamp" < CAST(:window_end AS timestamp)
), "ended_in_flow" AS (
  SELECT "contact_id", "disconnect_reason"
  FROM "contacts"
  WHERE "copy" = 1
    AND "queue_enqueue_timestamp" IS NULL
    AND "agent_connected_to_agent_timestamp" IS NULL
    AND "initiation_method" IN ('INBOUND', 'TRANSFER', 'QUEUE_TRANSFER')
), "last_flow" AS (
  SELECT "contact_id", "flow_resource_id", "flow_type",
    ROW_NUMBER() OVER (PARTITION BY "contact_id" ORDER BY "start_timestamp" DESC) AS "position"
  FROM {{contact_flow_events}}
  WHERE "instance_id" = :instance_id
    AND "start_timestamp" >= CAST(:window_start AS timestamp)
    AND "start_timestamp" < CAST(:window_end AS timestamp) + INTERVAL '1' DAY
)
SELECT
  "last_flow"."flow_resource_id" AS "flow_resource_id",
  COALESCE(MAX("last_flow"."flow_type"), '') AS "flow_type",
  COUNT(*) AS "contacts_ended_in_flow",
  COUNT_IF("ended_in_flow"."disconnect_reason" = 'CUSTOMER_DISCONNECT') AS "customer_disconnects",
  COUNT_IF("ended_in_flow"."disconnect_reason" = 'CONTACT_FLOW_DISCONNECT') AS "flow_disconnects",
  COUNT_IF(COALESCE("ended_in_flow"."disconnect_reason", '') NOT IN ('CUSTOMER_DISCONNECT', 'CONTACT_FLOW_DISCONNECT'))
    AS "other_disconnects"
FROM "ended_in_flow"
JOIN "last_flow" ON "last_flow"."contact_id" = "ended_in_flow"."contact_id" AND "last_flow"."position" = 1
GROUP BY "last_flow"."flow_resource_id"
ORDER BY "contacts_ended_in_flow" DESC, "flow_resource_id"
