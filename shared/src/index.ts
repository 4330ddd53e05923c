export * from './constants.js';
export * from './policies.js';
export * from './schemas/auth.js';
export * from './schemas/comments.js';
export * from './schemas/common.js';
export * from './schemas/moderation.js';
export * from './schemas/spaces.js';
export * from './live.js';
