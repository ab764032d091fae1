import type { Role } from '../../api/generated/graphql.ts';

/** From the most to the least: what each may do is said in members.rolesHelp. */
export const ROLES: readonly Role[] = ['OWNER', 'EDITOR', 'VIEWER', 'AUDIENCE'];
