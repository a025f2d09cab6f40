-- End-to-end delivery (issue 13): a ChatSession keeps each event it sent until Postgres holds it,
-- in chat_events or parked here. The ids of the events a dead letter carries, so that one indexed
-- lookup per confirm batch finds them without reading bodies.
ALTER TABLE "dead_letters" ADD COLUMN "event_ids" uuid[] DEFAULT '{}' NOT NULL;
--> statement-breakpoint
UPDATE "dead_letters" SET "event_ids" = ARRAY(
	SELECT DISTINCT m[1]::uuid
	FROM regexp_matches("body", '"id":"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"', 'g') AS m
);
--> statement-breakpoint
CREATE INDEX "dead_letters_event_ids_idx" ON "dead_letters" USING gin ("event_ids");
