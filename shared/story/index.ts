export * from './schema';
export * from './restore';
export * from './create';
export { migrateStory } from './migrations';
export * from './container';
