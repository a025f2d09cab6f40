-- Scheduled and recurring transfers (packages/db/schema/schedules.ts). Hand-written from drizzle-kit's output:
-- migration numbers are shared between parallel branches, so no snapshot is kept for this one.
CREATE TABLE "scheduled_transfer_runs" (
	"schedule_id" text NOT NULL,
	"occurrence_date" date NOT NULL,
	"customer_id" text NOT NULL,
	"status" text NOT NULL,
	"transfer_id" text,
	"error_code" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp (3) with time zone,
	CONSTRAINT "scheduled_transfer_runs_pk" PRIMARY KEY("schedule_id","occurrence_date"),
	CONSTRAINT "scheduled_transfer_runs_status" CHECK ("scheduled_transfer_runs"."status" IN ('sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "scheduled_transfers" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"confirmation_id" text,
	"from_account_id" text NOT NULL,
	"to_account_id" text,
	"to_payee_id" text,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"start_date" date NOT NULL,
	"repeat_unit" text,
	"repeat_interval" integer,
	"until_date" date,
	"max_count" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"next_run_date" date,
	"runs_done" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduled_transfers_amount_positive" CHECK ("scheduled_transfers"."amount" > 0),
	CONSTRAINT "scheduled_transfers_one_destination" CHECK (("scheduled_transfers"."to_account_id" IS NULL) <> ("scheduled_transfers"."to_payee_id" IS NULL)),
	CONSTRAINT "scheduled_transfers_status" CHECK ("scheduled_transfers"."status" IN ('active', 'completed', 'cancelled', 'failed')),
	CONSTRAINT "scheduled_transfers_repeat" CHECK (("scheduled_transfers"."repeat_unit" IS NULL) = ("scheduled_transfers"."repeat_interval" IS NULL)),
	CONSTRAINT "scheduled_transfers_active_has_next" CHECK ("scheduled_transfers"."status" <> 'active' OR "scheduled_transfers"."next_run_date" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "scheduled_transfer_runs" ADD CONSTRAINT "scheduled_transfer_runs_schedule_id_scheduled_transfers_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."scheduled_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_transfer_runs" ADD CONSTRAINT "scheduled_transfer_runs_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_transfers" ADD CONSTRAINT "scheduled_transfers_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_transfers" ADD CONSTRAINT "scheduled_transfers_from_account_id_accounts_id_fk" FOREIGN KEY ("from_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_transfers" ADD CONSTRAINT "scheduled_transfers_to_account_id_accounts_id_fk" FOREIGN KEY ("to_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_transfers" ADD CONSTRAINT "scheduled_transfers_to_payee_id_payees_id_fk" FOREIGN KEY ("to_payee_id") REFERENCES "public"."payees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scheduled_transfer_runs_unnotified_idx" ON "scheduled_transfer_runs" USING btree ("created_at") WHERE status = 'failed' AND notified_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "scheduled_transfers_customer_key" ON "scheduled_transfers" USING btree ("customer_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "scheduled_transfers_customer_idx" ON "scheduled_transfers" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "scheduled_transfers_due_idx" ON "scheduled_transfers" USING btree ("next_run_date") WHERE status = 'active';