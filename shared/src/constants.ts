/** Constants shared by the server, the web client and the tests. Pure data only. */

export const STAKEHOLDER_CATEGORIES = [
  'member_state',
  'un_system',
  'international_org',
  'civil_society',
  'private_sector',
  'local_government',
  'academia',
  'migrant_diaspora_org',
  'youth',
  'trade_union',
  'other',
] as const;
export type StakeholderCategory = (typeof STAKEHOLDER_CATEGORIES)[number];

export const LOCALES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

export const COMMENT_LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'other'] as const;
export type CommentLanguage = (typeof COMMENT_LANGUAGES)[number];

export const GLOBAL_ROLES = ['user', 'admin'] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];

export const SPACE_ROLES = ['moderator', 'chair'] as const;
export type SpaceRole = (typeof SPACE_ROLES)[number];

export const SPACE_STATUSES = ['draft', 'open', 'closed', 'archived'] as const;
export type SpaceStatus = (typeof SPACE_STATUSES)[number];

/**
 * `pre_except_verified`: pre-moderated, except authors with a verified affiliation, whose
 * comments publish at once (still logged and reportable).
 */
export const MODERATION_MODES = ['pre', 'post', 'pre_except_verified'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const REVISION_STATUSES = ['pending', 'approved', 'rejected', 'superseded'] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

export const MODERATION_ACTIONS = [
  'submit',
  'approve',
  'reject',
  'restore',
  'edit',
  'withdraw',
  'report',
  'highlight',
  'unhighlight',
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const EVENT_AUDIENCES = ['public', 'staff', 'user'] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const COMMENT_BODY_MAX = 20_000;

/** Attachments a comment may carry, and the size of each (the server checks; the composer says so first). */
export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * A Member State delegate speaks for one government: whoever registers in that category names
 * the country (reports count Member States by it). Other categories may leave it out.
 */
export const MEMBER_STATE_COUNTRY_REQUIRED = 'Choose the country of the Member State you represent';
export const countryMissingForCategory = (category: string | null | undefined, country: string | null | undefined) =>
  category === 'member_state' && !country;

/** Why a comment is reported, as on other platforms; "other" needs a note. */
export const REPORT_CATEGORIES = ['spam', 'abusive', 'off_topic', 'personal_data', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];
export const REPORT_NOTE_MAX = 1_000;

/** What the server says of text it cannot store (see `storableString` in schemas/common.ts). */
export const NUL_CHARACTER_MESSAGE = 'Contains a NUL character (U+0000), which text cannot hold';
export const LONE_SURROGATE_MESSAGE = 'Contains a broken character (half of a UTF-16 surrogate pair)';

export const EXPORT_FORMATS = ['docx', 'xlsx', 'csv', 'json', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const QUEUE_STATUSES = ['pending', 'reported', 'rejected', 'approved'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export const STAFF_NOTE_MAX = 2_000;

/** A note's length goal, in words, until its chair sets one. */
export const NOTE_DEFAULT_TARGET_WORDS = 1000;
/** Matches one citation; group 1 is the comment id. */
export const NOTE_CITATION = /\[@([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\]/g;

/** The languages the participation sentence is written in. */
export const PARTICIPATION_SENTENCE_LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const;

/** A translation is into a named language of the interface (never "other"). */
export const TRANSLATION_LANGUAGES = LOCALES;
