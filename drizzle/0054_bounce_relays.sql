CREATE TABLE "bounce_relays" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"ses_topic_arns" text[],
	"sendgrid_public_key" text,
	"postmark_password" text,
	"mailgun_signing_key" text,
	"updated_at" timestamp with time zone NOT NULL
);
