ALTER TABLE "concerts" ADD COLUMN "sales_open_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ticket_tiers" ADD COLUMN "sales_open_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ticket_tiers" ADD COLUMN "sales_close_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "concerts" ADD CONSTRAINT "concerts_sales_window_ordered" CHECK ("concerts"."sales_open_at" < "concerts"."sales_close_at");--> statement-breakpoint
ALTER TABLE "ticket_tiers" ADD CONSTRAINT "ticket_tiers_sales_window_ordered" CHECK ("ticket_tiers"."sales_open_at" < "ticket_tiers"."sales_close_at");