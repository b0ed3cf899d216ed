ALTER TABLE "platform"."outbox" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "platform"."outbox" ADD COLUMN "traceparent" text;--> statement-breakpoint
ALTER TABLE "platform"."jobs" ADD COLUMN "traceparent" text;