import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ADMIN, type Harness, openMap, startHarness } from './harness.ts';
import { importDocument, twoSchoolsDocument } from './helpers.ts';

let ORG = '';
const MEMBERS = () => `{ members(organisationId: "${ORG}") { role user { email } } }`;
const CREATE_USER =
  'mutation($e: String!, $p: String!) { createUser(input: { email: $e, password: $p, mustChangePassword: false }) { id } }';
const SET_MEMBER = () =>
  `mutation($e: String!, $r: Role!) { setMember(organisationId: "${ORG}", email: $e, role: $r) { role } }`;
const EXISTING = { email: 'befintlig@example.org', password: 'befintligs-lösenord-1' };
const ACCOUNT = { email: 'konto@example.org', password: 'kontots-lösenord-1' };

let h: Harness;
let page: Page;
let invitationLink = '';
const members = async () =>
  (await h.gql<{ members: { role: string; user: { email: string } }[] }>(MEMBERS())).members
    .map((m) => `${m.user.email}:${m.role}`)
    .sort();
const notice = () => page.getByTestId('notice');

beforeAll(async () => {
  h = await startHarness({ seed: false });
  ORG = await importDocument(h, twoSchoolsDocument('members'));
  await h.gql(SET_MEMBER(), { e: ADMIN.email, r: 'OWNER' });
  await h.gql(CREATE_USER, { e: 'rektor@example.org', p: 'rektorns-lösenord-1' });
  await h.gql(SET_MEMBER(), { e: 'rektor@example.org', r: 'VIEWER' });
  await h.gql(CREATE_USER, { e: ACCOUNT.email, p: ACCOUNT.password });
  await h.gql(CREATE_USER, { e: EXISTING.email, p: EXISTING.password });
  page = await openMap(h, `org=${ORG}&lang=sv`);
});
afterAll(async () => h?.close());

describe('members in the browser', () => {
  it('lists the members with their roles, reached from the Manage menu', async () => {
    await page.getByRole('button', { name: 'Hantera ▾' }).click();
    await page.getByRole('menuitem', { name: 'Medlemmar' }).click();
    const table = page.getByTestId('members');
    await table.locator('tr[data-member="rektor@example.org"]').waitFor();
    expect(await table.getByRole('combobox', { name: 'Roll för rektor@example.org' }).inputValue()).toBe('VIEWER');
    expect(await table.getByRole('combobox', { name: `Roll för ${ADMIN.email}` }).inputValue()).toBe('OWNER');
  });

  it('invites by email with a role and shows the link once, to copy', async () => {
    await page.locator('input[name="inviteEmail"]').fill('ny.larare@example.org');
    await page.locator('select[name="inviteRole"]').selectOption('EDITOR');
    await page.getByRole('button', { name: 'Skapa inbjudan' }).click();
    const invitation = page.getByTestId('invitation');
    await invitation.getByText('Inbjudan till ny.larare@example.org', { exact: false }).waitFor();
    const link = await invitation.getByRole('textbox', { name: 'Inbjudningslänk' }).inputValue();
    expect(link).toMatch(new RegExp(`^${h.baseUrl}/invite#[A-Za-z0-9%_-]{20,}$`));
    await invitation.getByRole('button', { name: 'Klar' }).click();
    await invitation.waitFor({ state: 'detached' });
    invitationLink = link;
  });

  it('is accepted in another browser by someone without an account, who lands in the organisation', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const invitee = await context.newPage();
    invitee.setDefaultTimeout(15_000);
    const open = () => invitee.goto(invitationLink.replace('/invite#', '/invite?e2e&lang=sv#'));
    await open();
    const form = invitee.getByTestId('accept-invitation');
    await form.getByText('ny.larare@example.org är inbjuden till Tvåskolekommun som Redigerare.').waitFor();
    expect(await form.locator('input[name="email"]').inputValue()).toBe('ny.larare@example.org');
    await form.locator('input[name="password"]').fill('lärarens-lösenord-1');
    await form.locator('input[name="displayName"]').fill('Ny lärare');
    await form.getByRole('button', { name: 'Anta och logga in' }).click();
    await invitee.locator('select[name="organisation"]').waitFor();
    expect(await invitee.locator('select[name="organisation"]').inputValue()).toBe(ORG);
    expect(await members()).toContain('ny.larare@example.org:EDITOR');
    // The link works once.
    await open();
    await form.getByText('Inbjudan är redan antagen.', { exact: false }).waitFor();
    await context.close();
  });

  it('is accepted by an existing account with its own password, a wrong one refused', async () => {
    await page.locator('input[name="inviteEmail"]').fill(EXISTING.email);
    await page.locator('select[name="inviteRole"]').selectOption('VIEWER');
    await page.getByRole('button', { name: 'Skapa inbjudan' }).click();
    const link = await page.getByTestId('invitation').getByRole('textbox', { name: 'Inbjudningslänk' }).inputValue();
    const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const invitee = await context.newPage();
    invitee.setDefaultTimeout(15_000);
    await invitee.goto(link.replace('/invite#', '/invite?e2e&lang=sv#'));
    const form = invitee.getByTestId('accept-invitation');
    await form.locator('input[name="password"]').fill('inte-mitt-lösenord');
    await form.getByRole('button', { name: 'Anta och logga in' }).click();
    await form.getByText('Adressen har redan ett konto, och detta är inte dess lösenord.').waitFor();
    expect(await members()).not.toContain(`${EXISTING.email}:VIEWER`);
    await form.locator('input[name="password"]').fill(EXISTING.password);
    await form.getByRole('button', { name: 'Anta och logga in' }).click();
    await invitee.locator('select[name="organisation"]').waitFor();
    expect(await members()).toContain(`${EXISTING.email}:VIEWER`);
    await context.close();
    await page.getByTestId('invitation').getByRole('button', { name: 'Klar' }).click();
  });

  it('changes a member’s role', async () => {
    await page.getByRole('combobox', { name: 'Roll för rektor@example.org' }).selectOption('EDITOR');
    await notice().getByText('rektor@example.org är nu Redigerare.').waitFor();
    expect(await members()).toContain('rektor@example.org:EDITOR');
  });

  it('protects the last owner', async () => {
    await page.getByRole('combobox', { name: `Roll för ${ADMIN.email}` }).selectOption('VIEWER');
    await notice().getByText('En organisation måste ha minst en ägare.').waitFor();
    expect(await members()).toContain(`${ADMIN.email}:OWNER`);
    expect(await page.getByRole('combobox', { name: `Roll för ${ADMIN.email}` }).inputValue()).toBe('OWNER');
  });

  it('removes a member after confirming', async () => {
    await page.getByRole('button', { name: 'Ta bort rektor@example.org' }).click();
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.getByText('Ta bort rektor@example.org från organisationen?', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Ta bort' }).click();
    await notice().getByText('rektor@example.org borttagen.').waitFor();
    expect(await members()).toEqual([
      `${ADMIN.email}:OWNER`,
      `${EXISTING.email}:VIEWER`,
      'ny.larare@example.org:EDITOR',
    ]);
  });

  it('lists every user for an administrator', async () => {
    await page.getByRole('button', { name: `${ADMIN.email} ▾` }).click();
    await page.getByRole('menuitem', { name: 'Alla användare' }).click();
    const users = page.getByTestId('users');
    await users.getByText('konto@example.org').waitFor();
    expect(await users.locator('tbody tr').count()).toBe(5);
    expect(await page.getByRole('heading', { name: 'Användare (5)' }).isVisible()).toBe(true);
  });
});

describe('one’s account in the browser', () => {
  it('changes the password, refusing a wrong current one, and signs out everywhere', async () => {
    const open = async () => {
      const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
      const p = await context.newPage();
      p.setDefaultTimeout(15_000);
      await p.goto(`${h.baseUrl}/?e2e&lang=sv&page=account`);
      await p.locator('input[name="email"]').fill(ACCOUNT.email);
      await p.locator('input[name="password"]').fill(ACCOUNT.password);
      await p.locator('form.sign-in button[type="submit"]').click();
      return p;
    };
    const laptop = await open();
    await laptop.getByRole('heading', { name: ACCOUNT.email }).waitFor();
    await laptop.getByText('Du tillhör ingen organisation än.').waitFor();

    await laptop.locator('input[name="currentPassword"]').fill('fel-lösenord-123');
    await laptop.locator('input[name="newPassword"]').fill('ett-nytt-lösenord-1');
    await laptop.locator('input[name="repeatPassword"]').fill('ett-nytt-lösenord-1');
    await laptop.getByRole('button', { name: 'Byt lösenord' }).click();
    await laptop.getByRole('alert').getByText('Fel e-post eller lösenord.').waitFor();
    await laptop.locator('input[name="currentPassword"]').fill(ACCOUNT.password);
    await laptop.getByRole('button', { name: 'Byt lösenord' }).click();
    await laptop.getByTestId('notice').getByText('Lösenordet ändrat.', { exact: false }).waitFor();
    ACCOUNT.password = 'ett-nytt-lösenord-1';

    // Another session, on another device, started with the new password.
    const phone = await open();
    await phone.getByRole('heading', { name: ACCOUNT.email }).waitFor();

    await laptop.getByRole('button', { name: 'Logga ut överallt' }).click();
    await laptop.getByTestId('confirm-dialog').getByRole('button', { name: 'Logga ut överallt' }).click();
    await laptop.locator('form.sign-in').waitFor();
    await phone.reload();
    await phone.locator('form.sign-in').waitFor();
  });
});
