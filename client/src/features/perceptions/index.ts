/** The perceptions feature's public surface: a link's perceptions beside its own assessment. */
export { LinkPerceptions } from './LinkPerceptions.tsx';
