// First, before any schema below is built: zod's configuration (no generated code in browsers).
import './zod-config.js';
export * from './constants.js';
export * from './policies.js';
export * from './schemas/auth.js';
export * from './schemas/comments.js';
export * from './schemas/translations.js';
export * from './schemas/common.js';
export * from './schemas/moderation.js';
export * from './schemas/spaces.js';
export * from './live.js';
export * from './schemas/admin.js';
export * from './schemas/participation.js';
export * from './schemas/exports.js';
export * from './schemas/notes.js';
export * from './words.js';
export * from './schemas/outcome.js';
export * from './schemas/notifications.js';
export * from './schemas/staffAccounts.js';
