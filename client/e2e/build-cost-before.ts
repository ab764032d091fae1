/**
 * What building the whole job's school (one unit, 10 actors, 12 links: whole-job.spec.ts) cost
 * in the build before "faster building", counted with the same CountingUser. That build could not
 * make an organisation, so an empty one with the same levels is made through the API first.
 * Build the earlier client (e.g. commit 86931fa) into a folder and run:
 *   KK_CLIENT_DIR=/path/to/its/client/dist npx tsx client/e2e/build-cost-before.ts
 * A choice in a native select is two clicks (open, pick), as in the whole job's count.
 */
import { type Harness, openMap, startHarness } from './harness.ts';
import { CountingUser } from './user-input.ts';
import { BUILD_ACTORS, BUILD_LINKS, BUILD_LEVELS } from './whole-job-map.ts';

const h: Harness = await startHarness({ seed: false });
try {
  await h.gql('mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { organisation { id } } }', {
    i: { id: 'ekby', name: 'Ekby kommun', kind: 'MUNICIPAL', levels: BUILD_LEVELS },
  });
  const page = await openMap(h, 'org=ekby&lang=sv');
  const user = new CountingUser(page);
  const dialog = page.getByRole('dialog');
  await user.press('u');
  await dialog.locator('input[name="name"]').waitFor();
  await user.type('Ekskolan');
  await user.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  const { map: withUnit } = await h.gql<{ map: { units: { id: string }[] } }>(
    '{ map(organisationId: "ekby") { units { id } } }',
  );
  const unitId = withUnit.units[0]?.id ?? '';

  for (const actor of BUILD_ACTORS) {
    await user.press('a');
    await dialog.locator('input[name="name"]').waitFor();
    await user.type(actor.name);
    if (actor.levelKey !== BUILD_LEVELS[0]?.key)
      await user.choose(dialog.locator('select[name="levelKey"]'), actor.levelKey);
    if (actor.isInUnit) await user.choose(dialog.locator('select[name="unitId"]'), unitId);
    await user.click(dialog.getByRole('button', { name: 'Spara', exact: true }));
    await dialog.waitFor({ state: 'detached' });
  }
  const { map } = await h.gql<{ map: { actors: { id: string; name: string }[] } }>(
    '{ map(organisationId: "ekby") { actors { id name } } }',
  );
  const idOf = (name: string) => map.actors.find((a) => a.name === name)?.id ?? '';
  for (const link of BUILD_LINKS) {
    await user.press('n');
    await dialog.locator('select[name="sourceId"]').waitFor();
    await user.choose(dialog.locator('select[name="sourceId"]'), idOf(link.source));
    await user.choose(dialog.locator('select[name="targetId"]'), idOf(link.target));
    if (link.kind !== 'STEERING') await user.choose(dialog.locator('select[name="kind"]'), link.kind);
    if (link.coupling !== 'LOOSE') await user.choose(dialog.locator('select[name="coupling"]'), link.coupling);
    await user.click(dialog.getByRole('button', { name: 'Spara', exact: true }));
    await dialog.waitFor({ state: 'detached' });
  }
  const { map: built } = await h.gql<{ map: { actors: unknown[]; links: unknown[] } }>(
    '{ map(organisationId: "ekby") { actors { id } links { id } } }',
  );
  console.log(
    `built ${built.actors.length} actors and ${built.links.length} links: ${user.clicks} clicks, ${user.keys} keys`,
  );
} finally {
  await h.close();
}
