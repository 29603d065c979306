ALTER TABLE "booking_seats" ADD COLUMN "ticket_code" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "booking_seats" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "booking_seats_ticket_code_uq" ON "booking_seats" USING btree ("ticket_code");