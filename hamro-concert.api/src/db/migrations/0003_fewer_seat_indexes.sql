DROP INDEX "seats_concert_map_idx";--> statement-breakpoint
DROP INDEX "seats_booking_idx";--> statement-breakpoint
DROP INDEX "seats_hold_idx";