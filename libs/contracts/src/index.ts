export * from './lib/auth.js';
export * from './lib/clients.js';
export * from './lib/errors.js';
export * from './lib/front-desk.js';
export * from './lib/health.js';
export * from './lib/locale.js';
export * from './lib/shelters.js';
export * from './lib/users.js';
