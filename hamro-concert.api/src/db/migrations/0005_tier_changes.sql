DROP INDEX "ticket_tiers_concert_idx";--> statement-breakpoint
ALTER TABLE "concerts" ADD COLUMN "layout_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_tiers_concert_type_uq" ON "ticket_tiers" USING btree ("concert_id","ticket_type_id");