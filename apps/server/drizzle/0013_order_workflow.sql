CREATE TABLE "platform"."workflow_steps" (
	"workflow" text NOT NULL,
	"instance_id" text NOT NULL,
	"step" text NOT NULL,
	"state" text NOT NULL,
	"ref" text,
	"detail" text,
	"times" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_steps_workflow_instance_id_step_pk" PRIMARY KEY("workflow","instance_id","step")
);
