DROP INDEX "seats_concert_change_idx";--> statement-breakpoint
ALTER TABLE "seats" ADD COLUMN "change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "seats_change_xid_idx" ON "seats" USING btree ("change_xid");