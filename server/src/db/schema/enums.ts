import {
  COMMENT_LANGUAGES,
  COMMENT_STATUSES,
  EVENT_AUDIENCES,
  GLOBAL_ROLES,
  LOCALES,
  MODERATION_ACTIONS,
  MODERATION_MODES,
  REPORT_CATEGORIES,
  REVISION_STATUSES,
  SPACE_ROLES,
  SPACE_STATUSES,
  STAKEHOLDER_CATEGORIES,
} from '@convene/shared';
import { pgEnum } from 'drizzle-orm/pg-core';

// Every enum takes its values from the shared constants: one source for DB, API and UI.
export const stakeholderCategory = pgEnum('stakeholder_category', STAKEHOLDER_CATEGORIES);
export const locale = pgEnum('locale', LOCALES);
export const commentLanguage = pgEnum('comment_language', COMMENT_LANGUAGES);
export const globalRole = pgEnum('global_role', GLOBAL_ROLES);
export const spaceRole = pgEnum('space_role', SPACE_ROLES);
export const spaceStatus = pgEnum('space_status', SPACE_STATUSES);
export const moderationMode = pgEnum('moderation_mode', MODERATION_MODES);
export const commentStatus = pgEnum('comment_status', COMMENT_STATUSES);
export const revisionStatus = pgEnum('revision_status', REVISION_STATUSES);
export const moderationAction = pgEnum('moderation_action', MODERATION_ACTIONS);
export const eventAudience = pgEnum('event_audience', EVENT_AUDIENCES);
export const reportCategory = pgEnum('report_category', REPORT_CATEGORIES);
