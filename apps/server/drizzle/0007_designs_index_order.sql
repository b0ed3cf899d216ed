DROP INDEX "designs"."design_likes_user_idx";--> statement-breakpoint
DROP INDEX "designs"."designs_user_created_idx";--> statement-breakpoint
DROP INDEX "designs"."designs_category_public_created_idx";--> statement-breakpoint
DROP INDEX "designs"."designs_public_created_idx";--> statement-breakpoint
DROP INDEX "designs"."designs_public_likes_idx";--> statement-breakpoint
DROP INDEX "designs"."designs_public_trending_idx";--> statement-breakpoint
CREATE INDEX "design_likes_user_idx" ON "designs"."design_likes" USING btree ("user_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "designs_user_created_idx" ON "designs"."designs" USING btree ("user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "designs_category_public_created_idx" ON "designs"."designs" USING btree ("category","is_public","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "designs_public_created_idx" ON "designs"."designs" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "designs"."designs"."is_public" and not "designs"."designs"."hidden" and "designs"."designs"."status" = 'ready';--> statement-breakpoint
CREATE INDEX "designs_public_likes_idx" ON "designs"."designs" USING btree ("likes" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "designs"."designs"."is_public" and not "designs"."designs"."hidden" and "designs"."designs"."status" = 'ready';--> statement-breakpoint
CREATE INDEX "designs_public_trending_idx" ON "designs"."designs" USING btree ("trending_score" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "designs"."designs"."is_public" and not "designs"."designs"."hidden" and "designs"."designs"."status" = 'ready';