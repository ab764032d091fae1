/**
 * Two app instances on one database (as two servers behind a load balancer would be), with an
 * editor on each updating the same records at the same moment.
 */
import { expect, it } from 'vitest';

import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';
import { startTestApp, type TestApp } from './helpers.ts';

const stores = await storeTargets();

const ROUNDS = 6;
/** Records both editors race for: a link's notes and two actors' names. */
const RACED = [
  { kind: 'link', id: 'l-1', field: 'notes' },
  { kind: 'actor', id: 'a-chief', field: 'name' },
  { kind: 'actor', id: 'a-teachers', field: 'name' },
] as const;

const capital = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1);
const update = (kind: string, field: string) =>
  `mutation($id: ID!, $v: Int!, $value: String!) { update${capital(kind)}(input: { organisationId: "org", id: $id, expectedVersion: $v, ${field}: $value }) { ${kind} { ${field} version } } }`;
const read = (kind: string, field: string) =>
  `query($id: ID!) { ${kind}(organisationId: "org", id: $id) { ${field} version } }`;

type Gql = Awaited<ReturnType<TestApp['as']>>;

describeEachStore(stores, 'two app instances on one database', (store) => {
  it('lets exactly one editor win each race, loses no update, and numbers the history without gaps or repeats', async () => {
    await store.reset();
    const database = store.config();
    const first = await startTestApp({ app: { store: database }, withFixture: true });
    const second = await startTestApp({ app: { store: database } });
    const editors: Array<[string, Gql]> = [
      ['anna', await first.as('EDITOR', 'org')],
      ['bo', await second.as('EDITOR', 'org')],
    ];
    const historyBefore = (await first.app.accounts.listHistory('org', { first: 1000 })).totalCount;

    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const { kind, id, field } of RACED) {
        const before = (await editors[0]![1](read(kind, field), { id })).data![kind];
        const answers = await Promise.all(
          editors.map(([name, gql]) => gql(update(kind, field), { id, v: before.version, value: `${name} ${round}` })),
        );
        const won = answers.filter((answer) => !answer.errors);
        const lost = answers.filter((answer) => answer.errors);
        expect(won, JSON.stringify(answers)).toHaveLength(1);
        expect(lost[0]!.errors![0]!.extensions).toMatchObject({
          code: 'VERSION_CONFLICT',
          expectedVersion: before.version,
          actualVersion: before.version + 1,
        });
        const winner = won[0]!.data![`update${capital(kind)}`][kind];
        expect(winner.version).toBe(before.version + 1);
        // What the winner wrote is what either instance reads back: nothing was lost or overwritten.
        for (const [, gql] of editors) expect((await gql(read(kind, field), { id })).data![kind]).toEqual(winner);
      }
    }

    // Different records at the same moment: both go through.
    const [a, b] = await Promise.all([
      editors[0]![1](update('actor', 'name'), { id: 'a-chief', v: ROUNDS + 1, value: 'Anna utan konkurrens' }),
      editors[1]![1](update('actor', 'name'), { id: 'a-teachers', v: ROUNDS + 1, value: 'Bo utan konkurrens' }),
    ]);
    expect([a.errors, b.errors]).toEqual([undefined, undefined]);

    const history = (await second.app.accounts.listHistory('org', { first: 1000 })).nodes;
    const ids = history.map((entry) => entry.id).sort((x, y) => x - y);
    // One entry per winning update and per uncontested one, numbered 1…n without gaps or repeats.
    expect(ids).toHaveLength(historyBefore + ROUNDS * RACED.length + 2);
    expect(ids).toEqual(ids.map((_, index) => index + 1));
  });
});
