CREATE TABLE "review_photos" (
	"workspace_id" text NOT NULL,
	"review_id" uuid NOT NULL,
	"bytes" "bytea" NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_photos_workspace_id_review_id_pk" PRIMARY KEY("workspace_id","review_id"),
	CONSTRAINT "review_photos_type_ck" CHECK ("review_photos"."content_type" in ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "review_photos_size_ck" CHECK ("review_photos"."size" between 1 and 5242880 and "review_photos"."size" = octet_length("review_photos"."bytes"))
);
--> statement-breakpoint
ALTER TABLE "review_photos" ADD CONSTRAINT "review_photos_workspace_id_review_id_reviews_workspace_id_id_fk" FOREIGN KEY ("workspace_id","review_id") REFERENCES "public"."reviews"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- hand-written: the photos as the customer export shows them: base64 on one line (a third larger than the bytes, not twice as bytea's hex).
CREATE VIEW "review_photo_files" AS
SELECT "workspace_id", "review_id", "content_type", "size", "sha256", "created_at", replace(encode("bytes", 'base64'), E'\n', '') AS "base64"
FROM "review_photos";
