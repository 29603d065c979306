ALTER TABLE "concerts" ADD COLUMN "time_zone" text DEFAULT 'Asia/Kathmandu' NOT NULL;--> statement-breakpoint
ALTER TABLE "concerts" ADD COLUMN "sales_close_at" timestamp with time zone;