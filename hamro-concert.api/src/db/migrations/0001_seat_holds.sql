CREATE TYPE "public"."hold_status" AS ENUM('active', 'released', 'confirmed');--> statement-breakpoint
CREATE TABLE "holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token" text NOT NULL,
	"concert_id" uuid NOT NULL,
	"seat_ids" integer[] NOT NULL,
	"status" "hold_status" DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "holds_seat_count" CHECK (cardinality("holds"."seat_ids") between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "seats" ADD COLUMN "hold_id" uuid;--> statement-breakpoint
ALTER TABLE "seats" ADD COLUMN "held_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "holds" ADD CONSTRAINT "holds_concert_id_concerts_id_fk" FOREIGN KEY ("concert_id") REFERENCES "public"."concerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "holds_token_uq" ON "holds" USING btree ("token");--> statement-breakpoint
CREATE INDEX "holds_active_expiry_idx" ON "holds" USING btree ("expires_at") WHERE "holds"."status" = 'active';--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_hold_id_holds_id_fk" FOREIGN KEY ("hold_id") REFERENCES "public"."holds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "seats_hold_idx" ON "seats" USING btree ("hold_id") WHERE "seats"."hold_id" is not null;--> statement-breakpoint
CREATE INDEX "seats_concert_held_until_idx" ON "seats" USING btree ("concert_id","held_until") WHERE "seats"."held_until" is not null;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_held_with_until" CHECK (("seats"."hold_id" is null) = ("seats"."held_until" is null));