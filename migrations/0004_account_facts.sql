CREATE TABLE "account_details" (
	"account_id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"account_number" text NOT NULL,
	"routing_number" text,
	"annual_rate_bps" integer NOT NULL,
	"rewards_points" bigint,
	CONSTRAINT "account_details_account_number" CHECK ("account_details"."account_number" ~ '^[0-9]{6,17}$'),
	CONSTRAINT "account_details_routing_number" CHECK ("account_details"."routing_number" ~ '^[0-9]{9}$'),
	CONSTRAINT "account_details_rate" CHECK ("account_details"."annual_rate_bps" BETWEEN 0 AND 10000),
	CONSTRAINT "account_details_rewards" CHECK ("account_details"."rewards_points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "credit_statements" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"account_id" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_date" date NOT NULL,
	"statement_balance" bigint NOT NULL,
	"minimum_payment" bigint NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_statements_period" CHECK ("credit_statements"."period_start" <= "credit_statements"."period_end" AND "credit_statements"."period_end" < "credit_statements"."due_date"),
	CONSTRAINT "credit_statements_amounts" CHECK ("credit_statements"."statement_balance" >= 0 AND "credit_statements"."minimum_payment" BETWEEN 0 AND "credit_statements"."statement_balance"),
	CONSTRAINT "credit_statements_currency" CHECK (currency IN ('USD', 'EUR', 'GBP'))
);
--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "expiry_month" smallint;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "expiry_year" smallint;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_expiry" CHECK (("cards"."expiry_month" IS NULL) = ("cards"."expiry_year" IS NULL) AND ("cards"."expiry_month" IS NULL OR ("cards"."expiry_month" BETWEEN 1 AND 12 AND "cards"."expiry_year" BETWEEN 2000 AND 2100)));--> statement-breakpoint
ALTER TABLE "account_details" ADD CONSTRAINT "account_details_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_details" ADD CONSTRAINT "account_details_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_statements" ADD CONSTRAINT "credit_statements_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_statements" ADD CONSTRAINT "credit_statements_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_details_customer_idx" ON "account_details" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_statements_account_period" ON "credit_statements" USING btree ("account_id","period_end");--> statement-breakpoint
CREATE INDEX "credit_statements_customer_idx" ON "credit_statements" USING btree ("customer_id","period_end" DESC NULLS LAST);
