-- query: contact_volume
-- Contacts per UTC day (of initiation), queue and channel, every initiation method counted.
-- Reads contact_record (only the columns named: the data lake stores Parquet, so Athena scans, and
-- bills, only those). A contact record can be delivered more than once (the data lake delivers at
-- least once), so each contact_id counts once: its most recently processed copy.
-- Placeholders: {{contact_record}} is the table's quoted name, resolved from Glue (a resource link's
-- own name); :name values are bound as Athena execution parameters, never written into the text.
WITH "contacts" AS (
  SELECT "contact_id", "initiation_timestamp", "queue_id", "queue_name", "channel", "initiation_method",
    ROW_NUMBER() OVER (PARTITION BY "contact_id" ORDER BY "data_lake_last_processed_timestamp" DESC) AS "copy"
  FROM {{contact_record}}
  WHERE "instance_id" = :instance_id
    AND "initiation_timestamp" >= CAST(:window_start AS timestamp)
    AND "initiation_timestamp" < CAST(:window_end AS timestamp)
)
SELECT
  date_format("initiation_timestamp", '%Y-%m-%d') AS "day",
  COALESCE("queue_id", '') AS "queue_id",
  COALESCE(MAX("queue_name"), '') AS "queue_name",
  COALESCE("channel", '') AS "channel",
  COUNT(*) AS "contacts",
  COUNT_IF("initiation_method" = 'INBOUND') AS "inbound",
  COUNT_IF("initiation_method" IN ('OUTBOUND', 'EXTERNAL_OUTBOUND')) AS "outbound",
  COUNT_IF("initiation_method" IN ('TRANSFER', 'QUEUE_TRANSFER')) AS "transfers",
  COUNT_IF("initiation_method" = 'CALLBACK') AS "callbacks"
FROM "contacts"
WHERE "copy" = 1
GROUP BY date_format("initiation_timestamp", '%Y-%m-%d'), COALESCE("queue_id", ''), COALESCE("channel", '')
ORDER BY "day", "queue_id", "channel"
