CREATE SCHEMA "designs";
--> statement-breakpoint
CREATE TABLE "designs"."design_likes" (
	"design_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "design_likes_design_id_user_id_pk" PRIMARY KEY("design_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "designs"."design_views" (
	"design_id" uuid NOT NULL,
	"viewer_key" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	CONSTRAINT "design_views_design_id_viewer_key_hour_pk" PRIMARY KEY("design_id","viewer_key","hour")
);
--> statement-breakpoint
CREATE TABLE "designs"."designs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"prompt" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"failure_reason" text,
	"seed" integer DEFAULT 1 NOT NULL,
	"image_url" text,
	"model_url" text,
	"thumbnail_url" text,
	"preview_url" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"category" text NOT NULL,
	"style" text NOT NULL,
	"colors" text[] DEFAULT '{}'::text[] NOT NULL,
	"ai_model" text,
	"generation_params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"confidence" real,
	"quality" jsonb,
	"is_public" boolean DEFAULT false NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"likes" integer DEFAULT 0 NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"trending_score" double precision DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', platform.immutable_array_to_string(tags)), 'A') || setweight(to_tsvector('english', coalesce(prompt, '')), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED
);
--> statement-breakpoint
ALTER TABLE "designs"."design_likes" ADD CONSTRAINT "design_likes_design_id_designs_id_fk" FOREIGN KEY ("design_id") REFERENCES "designs"."designs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designs"."design_views" ADD CONSTRAINT "design_views_design_id_designs_id_fk" FOREIGN KEY ("design_id") REFERENCES "designs"."designs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "design_likes_user_idx" ON "designs"."design_likes" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "designs_user_created_idx" ON "designs"."designs" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "designs_category_public_created_idx" ON "designs"."designs" USING btree ("category","is_public","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "designs_public_created_idx" ON "designs"."designs" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "designs"."designs"."is_public" and not "designs"."designs"."hidden" and "designs"."designs"."status" = 'ready';--> statement-breakpoint
CREATE INDEX "designs_public_likes_idx" ON "designs"."designs" USING btree ("likes" DESC NULLS LAST,"created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "designs"."designs"."is_public" and not "designs"."designs"."hidden" and "designs"."designs"."status" = 'ready';--> statement-breakpoint
CREATE INDEX "designs_public_trending_idx" ON "designs"."designs" USING btree ("trending_score" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "designs"."designs"."is_public" and not "designs"."designs"."hidden" and "designs"."designs"."status" = 'ready';--> statement-breakpoint
CREATE INDEX "designs_tags_public_idx" ON "designs"."designs" USING gin ("tags") WHERE "designs"."designs"."is_public";--> statement-breakpoint
CREATE INDEX "designs_colors_idx" ON "designs"."designs" USING gin ("colors");--> statement-breakpoint
CREATE INDEX "designs_search_idx" ON "designs"."designs" USING gin ("search_vector");