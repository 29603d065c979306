CREATE TYPE "public"."money_state" AS ENUM('free', 'awaiting', 'paid', 'at_door', 'cash_collected', 'unpaid', 'refund_due', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('door', 'esewa', 'khalti');--> statement-breakpoint
CREATE TYPE "public"."payment_state" AS ENUM('awaiting', 'completed', 'unpaid', 'mismatch');--> statement-breakpoint
CREATE TYPE "public"."refund_state" AS ENUM('due', 'done');--> statement-breakpoint
-- The booking status gains two values. ALTER TYPE ... ADD VALUE cannot be used in the transaction that
-- adds it, and the migrations run in one, so the type is made anew and the two columns cast to it.
ALTER TYPE "public"."booking_status" RENAME TO "booking_status_before_payments";--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('confirmed', 'cancelled', 'awaiting_payment', 'expired');--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "status" TYPE "public"."booking_status" USING "status"::text::"public"."booking_status";--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "status" SET DEFAULT 'confirmed';--> statement-breakpoint
ALTER TABLE "sales" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "sales" ALTER COLUMN "status" TYPE "public"."booking_status" USING "status"::text::"public"."booking_status";--> statement-breakpoint
ALTER TABLE "sales" ALTER COLUMN "status" SET DEFAULT 'confirmed';--> statement-breakpoint
DROP TYPE "public"."booking_status_before_payments";--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"method" "payment_method" NOT NULL,
	"order_id" text NOT NULL,
	"provider_ref" text,
	"amount_cents" bigint NOT NULL,
	"state" "payment_state" DEFAULT 'awaiting' NOT NULL,
	"provider_status" text,
	"confirmed_cents" bigint,
	"transaction_id" text,
	"expires_at" timestamp with time zone NOT NULL,
	"next_check_at" timestamp with time zone NOT NULL,
	"checks" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"refund_state" "refund_state",
	"refund_reason" text,
	"refund_due_at" timestamp with time zone,
	"refund_claimed_until" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"refunded_by" text,
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount_cents" > 0),
	CONSTRAINT "payments_online" CHECK ("payments"."method" <> 'door')
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "payment_method" "payment_method";--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "money" "money_state" DEFAULT 'at_door' NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "payment_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "cash_collected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "concerts" ADD COLUMN "payment_methods" "payment_method"[] DEFAULT '{door,esewa,khalti}' NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_order_id_uq" ON "payments" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_provider_ref_uq" ON "payments" USING btree ("method","provider_ref") WHERE "payments"."provider_ref" is not null;--> statement-breakpoint
CREATE INDEX "payments_booking_idx" ON "payments" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "payments_awaiting_check_idx" ON "payments" USING btree ("next_check_at") WHERE "payments"."state" = 'awaiting';--> statement-breakpoint
CREATE INDEX "payments_refund_due_idx" ON "payments" USING btree ("refund_due_at") WHERE "payments"."refund_state" = 'due';--> statement-breakpoint
CREATE INDEX "bookings_awaiting_due_idx" ON "bookings" USING btree ("payment_due_at") WHERE "bookings"."status" = 'awaiting_payment';--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_awaiting_has_due" CHECK ("bookings"."status" <> 'awaiting_payment' or "bookings"."payment_due_at" is not null);--> statement-breakpoint
-- Bookings made before payments were taken at no charge: to be paid at the door, or free.
UPDATE "bookings" SET "payment_method" = CASE WHEN "total_cents" > 0 THEN 'door'::"payment_method" END,
  "money" = CASE WHEN "total_cents" = 0 THEN 'free'::"money_state" ELSE 'at_door'::"money_state" END;--> statement-breakpoint
-- Nepal's wallets take rupees only.
UPDATE "concerts" SET "payment_methods" = '{door}' WHERE "currency" <> 'NPR';
