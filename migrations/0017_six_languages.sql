ALTER TYPE "public"."comment_language" ADD VALUE 'ar' BEFORE 'other';--> statement-breakpoint
ALTER TYPE "public"."comment_language" ADD VALUE 'zh' BEFORE 'other';--> statement-breakpoint
ALTER TYPE "public"."comment_language" ADD VALUE 'ru' BEFORE 'other';--> statement-breakpoint
ALTER TYPE "public"."locale" ADD VALUE 'ar';--> statement-breakpoint
ALTER TYPE "public"."locale" ADD VALUE 'zh';--> statement-breakpoint
ALTER TYPE "public"."locale" ADD VALUE 'ru';