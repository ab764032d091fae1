export * from './model.ts';
export * from './parse.ts';
export * from './stored.ts';
