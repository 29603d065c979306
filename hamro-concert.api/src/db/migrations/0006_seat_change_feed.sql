CREATE UNLOGGED TABLE "seat_changes" (
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"concert_id" uuid NOT NULL,
	"seat_ids" integer[] NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "seat_changes_xid_idx" ON "seat_changes" USING btree ("xid");
--> statement-breakpoint
-- Every statement that writes seats logs which seats of which concert it touched, in its own
-- transaction: the entry becomes visible exactly when the change commits.
CREATE FUNCTION "log_seat_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO seat_changes (concert_id, seat_ids)
  SELECT concert_id, array_agg(id) FROM changed_seats GROUP BY concert_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "seats_log_inserts" AFTER INSERT ON "seats" REFERENCING NEW TABLE AS changed_seats
  FOR EACH STATEMENT EXECUTE FUNCTION log_seat_changes();
--> statement-breakpoint
CREATE TRIGGER "seats_log_updates" AFTER UPDATE ON "seats" REFERENCING NEW TABLE AS changed_seats
  FOR EACH STATEMENT EXECUTE FUNCTION log_seat_changes();
--> statement-breakpoint
CREATE TRIGGER "seats_log_deletes" AFTER DELETE ON "seats" REFERENCING OLD TABLE AS changed_seats
  FOR EACH STATEMENT EXECUTE FUNCTION log_seat_changes();
