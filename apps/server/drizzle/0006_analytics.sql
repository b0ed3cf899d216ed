CREATE SCHEMA "analytics";
--> statement-breakpoint
CREATE TABLE "analytics"."daily_counts" (
	"day" date NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_counts_day_dimension_value_pk" PRIMARY KEY("day","dimension","value")
);
