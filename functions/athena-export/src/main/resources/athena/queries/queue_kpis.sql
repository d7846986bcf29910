-- query: queue_kpis
-- Per UTC day (of initiation) and queue, the counts and duration sums every queue KPI is computed
-- from (rates are computed from sums, so days and queues add up exactly). Reads contact_record.
--   queued                  queue_enqueue_timestamp is set
--   answered                queued and agent_connected_to_agent_timestamp is set
--   answered_in_threshold   answered and queue_duration_ms <= :service_level_ms
--   abandoned               queued, never connected to an agent, disconnected by the customer
--                           (disconnect_reason CUSTOMER_DISCONNECT); callbacks excluded, as in
--                           Connect's own abandonment metric
--   short_abandoned         abandoned and queue_duration_ms < :short_abandon_ms
--   transferred             answered and transfer_completed_timestamp is set
--   talk_ms / hold_ms / acw_ms  sums over answered contacts of agent_interaction_duration_ms,
--                           agent_customer_hold_duration_ms, agent_after_contact_work_duration_ms
-- Each contact_id counts once (its most recently processed copy).
WITH "contacts" AS (
  SELECT "contact_id", "initiation_timestamp", "initiation_method", "disconnect_reason", "queue_id", "queue_name",
    "queue_enqueue_timestamp", "queue_duration_ms", "agent_connected_to_agent_timestamp", "transfer_completed_timestamp",
    "agent_interaction_duration_ms", "agent_customer_hold_duration_ms", "agent_after_contact_work_duration_ms",
    ROW_NUMBER() OVER (PARTITION BY "contact_id" ORDER BY "data_lake_last_processed_timestamp" DESC) AS "copy"
  FROM {{contact_record}}
  WHERE "instance_id" = :instance_id
    AND "initiation_timestamp" >= CAST(:window_start AS timestamp)
    AND "initiation_timestamp" < CAST(:window_end AS timestamp)
), "queued" AS (
  SELECT *,
    "agent_connected_to_agent_timestamp" IS NOT NULL AS "is_answered",
    "agent_connected_to_agent_timestamp" IS NULL
      AND "disconnect_reason" = 'CUSTOMER_DISCONNECT'
      AND COALESCE("initiation_method", '') <> 'CALLBACK' AS "is_abandoned"
  FROM "contacts"
  WHERE "copy" = 1 AND "queue_enqueue_timestamp" IS NOT NULL AND "queue_id" IS NOT NULL
)
SELECT
  date_format("initiation_timestamp", '%Y-%m-%d') AS "day",
  "queue_id",
  COALESCE(MAX("queue_name"), '') AS "queue_name",
  COUNT(*) AS "queued",
  COUNT_IF("is_answered") AS "answered",
  COUNT_IF("is_answered" AND "queue_duration_ms" <= :service_level_ms) AS "answered_in_threshold",
  COUNT_IF("is_abandoned") AS "abandoned",
  COUNT_IF("is_abandoned" AND "queue_duration_ms" < :short_abandon_ms) AS "short_abandoned",
  COUNT_IF("is_answered" AND "transfer_completed_timestamp" IS NOT NULL) AS "transferred",
  COALESCE(SUM(CASE WHEN "is_answered" THEN "agent_interaction_duration_ms" END), 0) AS "talk_ms",
  COALESCE(SUM(CASE WHEN "is_answered" THEN "agent_customer_hold_duration_ms" END), 0) AS "hold_ms",
  COALESCE(SUM(CASE WHEN "is_answered" THEN "agent_after_contact_work_duration_ms" END), 0) AS "acw_ms"
FROM "queued"
GROUP BY date_format("initiation_timestamp", '%Y-%m-%d'), "queue_id"
ORDER BY "day", "queue_id"
