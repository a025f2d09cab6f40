-- A payee is a person the customer pays or a biller (a utility, a landlord): "Which bill would you
-- like to pay?" offered people (Jordan Lee) among the bills. Payees saved before this migration are
-- people until the bank marks its billers (an UPDATE by the bank; the chat cannot tell by name).
ALTER TABLE "payees" ADD COLUMN "kind" text DEFAULT 'person' NOT NULL;--> statement-breakpoint
ALTER TABLE "payees" ADD CONSTRAINT "payees_kind" CHECK ("payees"."kind" IN ('person', 'biller'));
