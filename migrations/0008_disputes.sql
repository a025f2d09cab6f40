CREATE TABLE "disputes" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"transaction_id" text NOT NULL,
	"reference" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disputes_reason" CHECK ("disputes"."reason" IN ('unrecognised', 'duplicate', 'other')),
	CONSTRAINT "disputes_status" CHECK ("disputes"."status" IN ('open', 'under_review', 'resolved', 'rejected')),
	CONSTRAINT "disputes_reference_format" CHECK ("disputes"."reference" ~ '^DSP-[0-9A-Z]{6}$')
);
--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_customer_transaction_key" ON "disputes" USING btree ("customer_id","transaction_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_reference_key" ON "disputes" USING btree ("reference");
--> statement-breakpoint
CREATE INDEX "disputes_customer_created_idx" ON "disputes" USING btree ("customer_id","created_at" DESC NULLS LAST);
