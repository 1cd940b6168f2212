CREATE TABLE "category_buying_cycles" (
	"workspace_id" text NOT NULL,
	"category" text NOT NULL,
	"min_days" integer NOT NULL,
	"max_days" integer NOT NULL,
	CONSTRAINT "category_buying_cycles_workspace_id_category_pk" PRIMARY KEY("workspace_id","category"),
	CONSTRAINT "category_buying_cycles_days_ck" CHECK ("category_buying_cycles"."min_days" between 1 and "category_buying_cycles"."max_days")
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "buying_cycle_min_days" integer;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "buying_cycle_max_days" integer;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_buying_cycle_ck" CHECK (("products"."buying_cycle_min_days" is null) = ("products"."buying_cycle_max_days" is null)
    and "products"."buying_cycle_min_days" between 1 and "products"."buying_cycle_max_days");