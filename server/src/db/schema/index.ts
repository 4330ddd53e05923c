export * from './comments.js';
export * from './enums.js';
export * from './events.js';
export * from './spaces.js';
export * from './users.js';
export * from './notes.js';
export * from './rateLimits.js';
export * from './mail.js';
