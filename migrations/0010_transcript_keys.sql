-- Encryption at rest (issue 16): per-customer transcript data keys, wrapped by a master key that
-- lives only in the chat Worker's secrets. Deleting a customer's rows crypto-shreds their transcript.
CREATE TABLE "transcript_keys" (
	"key_id" uuid PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"master_key_id" text NOT NULL,
	"wrapped_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rewrapped_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "transcript_keys_customer_idx" ON "transcript_keys" USING btree ("customer_id");
--> statement-breakpoint
CREATE INDEX "transcript_keys_master_idx" ON "transcript_keys" USING btree ("master_key_id");
--> statement-breakpoint
-- An operator's erasure until the chat Worker's cron has also erased the customer's Durable Object.
CREATE TABLE "erasure_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE INDEX "erasure_requests_pending_idx" ON "erasure_requests" USING btree ("requested_at") WHERE completed_at IS NULL;
