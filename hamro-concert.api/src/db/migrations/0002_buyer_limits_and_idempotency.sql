CREATE TABLE "buyer_seats" (
	"email_key" text NOT NULL,
	"concert_id" uuid NOT NULL,
	"seats" integer NOT NULL,
	CONSTRAINT "buyer_seats_email_key_concert_id_pk" PRIMARY KEY("email_key","concert_id"),
	CONSTRAINT "buyer_seats_not_negative" CHECK ("buyer_seats"."seats" >= 0)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"endpoint" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer,
	"response_type" text,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_endpoint_key_pk" PRIMARY KEY("endpoint","key")
);
--> statement-breakpoint
ALTER TABLE "buyer_seats" ADD CONSTRAINT "buyer_seats_concert_id_concerts_id_fk" FOREIGN KEY ("concert_id") REFERENCES "public"."concerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_expiry_idx" ON "idempotency_keys" USING btree ("expires_at");--> statement-breakpoint
-- Bookings made before this migration count towards their buyers' limits too.
INSERT INTO "buyer_seats" ("email_key", "concert_id", "seats")
SELECT lower(b."user_email"), b."concert_id", count(*)::int
FROM "bookings" b JOIN "booking_seats" bs ON bs."booking_id" = b."id" AND bs."released_at" IS NULL
WHERE b."status" = 'confirmed'
GROUP BY lower(b."user_email"), b."concert_id";
