CREATE TABLE "rate_limit_hits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waiting_room_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"concert_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"draw" double precision,
	"place" bigint,
	"admitted_at" timestamp with time zone,
	"pass_expires_at" timestamp with time zone,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "waiting_rooms" (
	"concert_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"admit_per_minute" integer NOT NULL,
	"max_shopping" integer NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"join_seconds_before" integer DEFAULT 900 NOT NULL,
	"pass_seconds" integer DEFAULT 900 NOT NULL,
	"enabled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"drawn" boolean DEFAULT false NOT NULL,
	"early_count" integer DEFAULT 0 NOT NULL,
	"last_place" bigint DEFAULT 0 NOT NULL,
	"admitted_through" bigint DEFAULT 0 NOT NULL,
	"credit" double precision DEFAULT 0 NOT NULL,
	"credit_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waiting_rooms_rates_positive" CHECK ("waiting_rooms"."admit_per_minute" > 0 and "waiting_rooms"."max_shopping" > 0),
	CONSTRAINT "waiting_rooms_times_positive" CHECK ("waiting_rooms"."join_seconds_before" >= 0 and "waiting_rooms"."pass_seconds" > 0)
);
--> statement-breakpoint
ALTER TABLE "holds" ADD COLUMN "holder" text;--> statement-breakpoint
ALTER TABLE "waiting_room_entries" ADD CONSTRAINT "waiting_room_entries_concert_id_waiting_rooms_concert_id_fk" FOREIGN KEY ("concert_id") REFERENCES "public"."waiting_rooms"("concert_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_rooms" ADD CONSTRAINT "waiting_rooms_concert_id_concerts_id_fk" FOREIGN KEY ("concert_id") REFERENCES "public"."concerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "waiting_room_entries_place_uq" ON "waiting_room_entries" USING btree ("concert_id","place");--> statement-breakpoint
CREATE INDEX "waiting_room_entries_shopping_idx" ON "waiting_room_entries" USING btree ("concert_id","pass_expires_at") WHERE "waiting_room_entries"."admitted_at" is not null and "waiting_room_entries"."done_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "holds_one_active_per_holder_uq" ON "holds" USING btree ("holder") WHERE "holds"."status" = 'active';--> statement-breakpoint
-- Counts of requests for the rate limits: losing them in a crash costs nothing, so no write-ahead log.
ALTER TABLE "rate_limit_hits" SET UNLOGGED;
