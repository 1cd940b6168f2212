CREATE TABLE "email_blocks" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"mjml" text NOT NULL,
	"created_by" text,
	"updated_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_images" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "email_images_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "email_images_type_ck" CHECK ("email_images"."content_type" in ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
	CONSTRAINT "email_images_size_ck" CHECK ("email_images"."size" between 1 and 2097152 and "email_images"."size" = octet_length("email_images"."bytes"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "email_blocks_name_uq" ON "email_blocks" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "email_images_sha256_uq" ON "email_images" USING btree ("workspace_id","sha256");--> statement-breakpoint
CREATE INDEX "email_images_recent_idx" ON "email_images" USING btree ("workspace_id","created_at");