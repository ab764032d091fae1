/**
 * The client's map query (the `MapSlice` operation of client/src/features/map/map.graphql, with
 * its fragments), as the client sends it: the file is read, not imported (nothing imports the
 * client).
 */
import { readFileSync } from 'node:fs';

import { Kind, parse, print } from 'graphql';

const document = parse(readFileSync(new URL('../../client/src/features/map/map.graphql', import.meta.url), 'utf8'));

export const mapQuery = print({
  ...document,
  definitions: document.definitions.filter(
    (definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition.name?.value === 'MapSlice',
  ),
});
