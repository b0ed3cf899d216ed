-- Generated from apps/server/src/modules/catalog/seed-products.ts
INSERT INTO "catalog"."products" ("id","name","description","category","currency","base_price_cents","printful_product_id","print_areas","position") VALUES ('tshirt-unisex','Unisex Staple T-Shirt','Bella + Canvas 3001: soft ring-spun cotton, your design printed on the front.','shirt','usd',2400,71,'[{"placement":"front","widthPx":1800,"heightPx":2400,"dpi":150}]'::jsonb,0) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('tshirt-unisex-white-s','tshirt-unisex','S','White','#ffffff',2400,4011,0) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('tshirt-unisex-white-m','tshirt-unisex','M','White','#ffffff',2400,4012,1) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('tshirt-unisex-white-l','tshirt-unisex','L','White','#ffffff',2400,4013,2) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('tshirt-unisex-white-xl','tshirt-unisex','XL','White','#ffffff',2400,4014,3) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('tshirt-unisex-white-2xl','tshirt-unisex','2XL','White','#ffffff',2700,4015,4) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('tshirt-unisex-black-s','tshirt-unisex','S','Black','#111111',2400,4016,5) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('tshirt-unisex-black-m','tshirt-unisex','M','Black','#111111',2400,4017,6) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('tshirt-unisex-black-l','tshirt-unisex','L','Black','#111111',2400,4018,7) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('tshirt-unisex-black-xl','tshirt-unisex','XL','Black','#111111',2400,4019,8) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('tshirt-unisex-black-2xl','tshirt-unisex','2XL','Black','#111111',2700,4020,9) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."products" ("id","name","description","category","currency","base_price_cents","printful_product_id","print_areas","position") VALUES ('hoodie-unisex','Unisex Heavy Blend Hoodie','Gildan 18500: a warm pullover hoodie with your design on the front.','shirt','usd',4200,146,'[{"placement":"front","widthPx":1800,"heightPx":2400,"dpi":150}]'::jsonb,1) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('hoodie-unisex-white-s','hoodie-unisex','S','White','#ffffff',4200,5522,0) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('hoodie-unisex-white-m','hoodie-unisex','M','White','#ffffff',4200,5523,1) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('hoodie-unisex-white-l','hoodie-unisex','L','White','#ffffff',4200,5524,2) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('hoodie-unisex-white-xl','hoodie-unisex','XL','White','#ffffff',4200,5525,3) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('hoodie-unisex-white-2xl','hoodie-unisex','2XL','White','#ffffff',4600,5526,4) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('hoodie-unisex-black-s','hoodie-unisex','S','Black','#111111',4200,5530,5) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('hoodie-unisex-black-m','hoodie-unisex','M','Black','#111111',4200,5531,6) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('hoodie-unisex-black-l','hoodie-unisex','L','Black','#111111',4200,5532,7) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('hoodie-unisex-black-xl','hoodie-unisex','XL','Black','#111111',4200,5533,8) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('hoodie-unisex-black-2xl','hoodie-unisex','2XL','Black','#111111',4600,5534,9) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."products" ("id","name","description","category","currency","base_price_cents","printful_product_id","print_areas","position") VALUES ('dress-skater','All-Over Print Skater Dress','A flared skater dress printed edge to edge with your pattern.','dress','usd',5600,293,'[{"placement":"default","widthPx":4500,"heightPx":5400,"dpi":150}]'::jsonb,2) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('dress-skater-printed-xs','dress-skater','XS','Printed','#ffffff',5600,9390,0) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('dress-skater-printed-s','dress-skater','S','Printed','#ffffff',5600,9391,1) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('dress-skater-printed-m','dress-skater','M','Printed','#ffffff',5600,9392,2) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('dress-skater-printed-l','dress-skater','L','Printed','#ffffff',5600,9393,3) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('dress-skater-printed-xl','dress-skater','XL','Printed','#ffffff',5600,9394,4) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."products" ("id","name","description","category","currency","base_price_cents","printful_product_id","print_areas","position") VALUES ('leggings-aop','All-Over Print Leggings','High-waisted leggings with four-way stretch, printed all over.','pants','usd',4400,189,'[{"placement":"default","widthPx":4500,"heightPx":5400,"dpi":150}]'::jsonb,3) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('leggings-aop-printed-xs','leggings-aop','XS','Printed','#ffffff',4400,7678,0) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('leggings-aop-printed-s','leggings-aop','S','Printed','#ffffff',4400,7679,1) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('leggings-aop-printed-m','leggings-aop','M','Printed','#ffffff',4400,7680,2) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('leggings-aop-printed-l','leggings-aop','L','Printed','#ffffff',4400,7681,3) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('leggings-aop-printed-xl','leggings-aop','XL','Printed','#ffffff',4400,7682,4) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."products" ("id","name","description","category","currency","base_price_cents","printful_product_id","print_areas","position") VALUES ('tote-aop','All-Over Print Tote Bag','A sturdy 15″×15″ tote with your pattern on both sides.','accessories','usd',2800,274,'[{"placement":"default","widthPx":2250,"heightPx":2250,"dpi":150}]'::jsonb,4) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES ('tote-aop-black-handles-15-15','tote-aop','15″×15″','Black handles','#111111',2800,9039,0) ON CONFLICT ("id") DO NOTHING;
