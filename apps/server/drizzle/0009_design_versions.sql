CREATE TABLE "designs"."design_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"design_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"seed" integer NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"failure_reason" text,
	"image_url" text,
	"model_url" text,
	"thumbnail_url" text,
	"preview_url" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"colors" text[] DEFAULT '{}'::text[] NOT NULL,
	"ai_model" text,
	"generation_params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"confidence" real,
	"quality" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "designs"."designs" ADD COLUMN "requested_colors" text[];--> statement-breakpoint
ALTER TABLE "designs"."design_versions" ADD CONSTRAINT "design_versions_design_id_designs_id_fk" FOREIGN KEY ("design_id") REFERENCES "designs"."designs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "design_versions_design_number_idx" ON "designs"."design_versions" USING btree ("design_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "design_versions_design_seed_idx" ON "designs"."design_versions" USING btree ("design_id","seed");--> statement-breakpoint
INSERT INTO "designs"."design_versions" ("design_id", "number", "kind", "seed", "status", "failure_reason", "image_url", "model_url", "thumbnail_url", "preview_url", "tags", "colors", "ai_model", "generation_params", "confidence", "quality", "created_at")
SELECT "id", 1, 'candidate', "seed", "status", "failure_reason", "image_url", "model_url", "thumbnail_url", "preview_url", "tags", "colors", "ai_model", "generation_params", "confidence", "quality", "updated_at" FROM "designs"."designs";
