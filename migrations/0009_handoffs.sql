CREATE TABLE "handoffs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"reason" text NOT NULL,
	"intent" text,
	"requested_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"agent_id" text,
	"agent_name" text,
	"claimed_at" timestamp (3) with time zone,
	"first_reply_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone,
	CONSTRAINT "handoffs_status" CHECK ("handoffs"."status" IN ('queued', 'assigned', 'returned', 'resolved', 'left', 'expired')),
	CONSTRAINT "handoffs_assigned_has_agent" CHECK ("handoffs"."status" <> 'assigned' OR "handoffs"."agent_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "handoffs_open_customer_key" ON "handoffs" USING btree ("customer_id") WHERE "handoffs"."status" IN ('queued', 'assigned');
--> statement-breakpoint
CREATE INDEX "handoffs_queued_idx" ON "handoffs" USING btree ("requested_at") WHERE "handoffs"."status" = 'queued';
--> statement-breakpoint
CREATE INDEX "handoffs_agent_idx" ON "handoffs" USING btree ("agent_id") WHERE "handoffs"."status" = 'assigned';
