ALTER TABLE "platform"."outbox" ADD COLUMN "traceparent" text;--> statement-breakpoint
ALTER TABLE "platform"."jobs" ADD COLUMN "traceparent" text;