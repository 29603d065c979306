CREATE TYPE "public"."email_kind" AS ENUM('tickets', 'cancelled', 'refunded');--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"kind" "email_kind" NOT NULL,
	"booking_id" uuid NOT NULL,
	"payment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_outbox_event_uq" ON "email_outbox" USING btree ("event");--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("next_attempt_at") WHERE "email_outbox"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "email_outbox_booking_idx" ON "email_outbox" USING btree ("booking_id");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_language_known" CHECK ("bookings"."language" in ('en', 'ne'));--> statement-breakpoint
-- An email is owed exactly when a booking is confirmed (paid, to be paid at the door, or free), cancelled,
-- or refunded: the triggers write it in the transaction that makes that change, whichever statement
-- does, so it commits with the change or not at all. Statement triggers over transition tables: one
-- insert for a statement that changes many bookings (a concert's cancellation). A second change of the
-- same kind owes no second email (ON CONFLICT on the event).
CREATE FUNCTION "email_outbox_after_booking_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "email_outbox" ("event", "kind", "booking_id")
  SELECT 'tickets:' || n."id", 'tickets', n."id" FROM "new_rows" n WHERE n."status" = 'confirmed'
  ON CONFLICT ("event") DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "bookings_email_outbox_insert" AFTER INSERT ON "bookings"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "email_outbox_after_booking_insert"();--> statement-breakpoint
CREATE FUNCTION "email_outbox_after_booking_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "email_outbox" ("event", "kind", "booking_id")
  SELECT (CASE n."status" WHEN 'confirmed' THEN 'tickets:' ELSE 'cancelled:' END) || n."id",
         (CASE n."status" WHEN 'confirmed' THEN 'tickets' ELSE 'cancelled' END)::"email_kind", n."id"
  FROM "new_rows" n JOIN "old_rows" o ON o."id" = n."id"
  WHERE n."status" IS DISTINCT FROM o."status" AND n."status" IN ('confirmed', 'cancelled')
  ON CONFLICT ("event") DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "bookings_email_outbox_update" AFTER UPDATE ON "bookings"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT
  EXECUTE FUNCTION "email_outbox_after_booking_update"();--> statement-breakpoint
CREATE FUNCTION "email_outbox_after_payment_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "email_outbox" ("event", "kind", "booking_id", "payment_id")
  SELECT 'refunded:' || n."id", 'refunded', n."booking_id", n."id"
  FROM "new_rows" n JOIN "old_rows" o ON o."id" = n."id"
  WHERE n."refund_state" = 'done' AND o."refund_state" IS DISTINCT FROM 'done'
  ON CONFLICT ("event") DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "payments_email_outbox_update" AFTER UPDATE ON "payments"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT
  EXECUTE FUNCTION "email_outbox_after_payment_update"();
