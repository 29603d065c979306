CREATE TYPE "public"."booking_status" AS ENUM('confirmed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."seat_section" AS ENUM('front', 'vip', 'ga');--> statement-breakpoint
CREATE SEQUENCE "public"."seat_change_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "app_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "booking_seats" (
	"booking_id" uuid NOT NULL,
	"seat_id" integer NOT NULL,
	"price_cents" integer NOT NULL,
	"released_at" timestamp with time zone,
	CONSTRAINT "booking_seats_booking_id_seat_id_pk" PRIMARY KEY("booking_id","seat_id")
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"concert_id" uuid NOT NULL,
	"customer_id" integer NOT NULL,
	"user_name" text NOT NULL,
	"user_email" text NOT NULL,
	"total_cents" integer NOT NULL,
	"status" "booking_status" DEFAULT 'confirmed' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "bookings_total_not_negative" CHECK ("bookings"."total_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "concerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"artist" text NOT NULL,
	"date" date NOT NULL,
	"time" time NOT NULL,
	"venue" text NOT NULL,
	"city" text NOT NULL,
	"image" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales" (
	"id" serial PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"concert_id" uuid NOT NULL,
	"tier_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"price_cents" integer NOT NULL,
	"total_cents" integer NOT NULL,
	"seat_numbers" text[] NOT NULL,
	"status" "booking_status" DEFAULT 'confirmed' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_quantity_positive" CHECK ("sales"."quantity" > 0),
	CONSTRAINT "sales_total_matches" CHECK ("sales"."total_cents" = "sales"."quantity" * "sales"."price_cents")
);
--> statement-breakpoint
CREATE TABLE "seats" (
	"id" serial PRIMARY KEY NOT NULL,
	"concert_id" uuid NOT NULL,
	"tier_id" integer NOT NULL,
	"section" "seat_section" NOT NULL,
	"row" integer NOT NULL,
	"number" integer NOT NULL,
	"label" text NOT NULL,
	"booking_id" uuid,
	"change_seq" bigint DEFAULT nextval('seat_change_seq') NOT NULL,
	CONSTRAINT "seats_row_positive" CHECK ("seats"."row" >= 1),
	CONSTRAINT "seats_number_positive" CHECK ("seats"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "ticket_tiers" (
	"id" serial PRIMARY KEY NOT NULL,
	"concert_id" uuid NOT NULL,
	"ticket_type_id" smallint NOT NULL,
	"name" text NOT NULL,
	"price_cents" integer NOT NULL,
	"total" integer NOT NULL,
	CONSTRAINT "ticket_tiers_type_known" CHECK ("ticket_tiers"."ticket_type_id" between 1 and 3),
	CONSTRAINT "ticket_tiers_price_not_negative" CHECK ("ticket_tiers"."price_cents" >= 0),
	CONSTRAINT "ticket_tiers_total_not_negative" CHECK ("ticket_tiers"."total" >= 0)
);
--> statement-breakpoint
ALTER TABLE "booking_seats" ADD CONSTRAINT "booking_seats_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_seats" ADD CONSTRAINT "booking_seats_seat_id_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."seats"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_concert_id_concerts_id_fk" FOREIGN KEY ("concert_id") REFERENCES "public"."concerts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_concert_id_concerts_id_fk" FOREIGN KEY ("concert_id") REFERENCES "public"."concerts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_tier_id_ticket_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."ticket_tiers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_concert_id_concerts_id_fk" FOREIGN KEY ("concert_id") REFERENCES "public"."concerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_tier_id_ticket_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."ticket_tiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_tiers" ADD CONSTRAINT "ticket_tiers_concert_id_concerts_id_fk" FOREIGN KEY ("concert_id") REFERENCES "public"."concerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "booking_seats_one_active_per_seat_uq" ON "booking_seats" USING btree ("seat_id") WHERE "booking_seats"."released_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_reference_uq" ON "bookings" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "bookings_customer_idx" ON "bookings" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "bookings_concert_idx" ON "bookings" USING btree ("concert_id","created_at");--> statement-breakpoint
CREATE INDEX "concerts_date_time_idx" ON "concerts" USING btree ("date","time","id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_email_lower_uq" ON "customers" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "sales_booking_idx" ON "sales" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "sales_tier_idx" ON "sales" USING btree ("tier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "seats_concert_label_uq" ON "seats" USING btree ("concert_id","label");--> statement-breakpoint
CREATE INDEX "seats_concert_map_idx" ON "seats" USING btree ("concert_id","section","row","number");--> statement-breakpoint
CREATE INDEX "seats_concert_change_idx" ON "seats" USING btree ("concert_id","change_seq");--> statement-breakpoint
CREATE INDEX "seats_tier_free_idx" ON "seats" USING btree ("tier_id") WHERE "seats"."booking_id" is null;--> statement-breakpoint
CREATE INDEX "seats_booking_idx" ON "seats" USING btree ("booking_id") WHERE "seats"."booking_id" is not null;--> statement-breakpoint
CREATE INDEX "ticket_tiers_concert_idx" ON "ticket_tiers" USING btree ("concert_id","ticket_type_id");