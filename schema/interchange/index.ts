export * from './model.ts';
export * from './parse.ts';
