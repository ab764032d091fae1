import { request } from '../../api/client.ts';
import { type ImportAnswer, uploadFile } from '../../api/files.ts';
import {
  CreateOrganisationDocument,
  type OrganisationKind,
  UpdateOrganisationDocument,
} from '../../api/generated/graphql.ts';
import type { LevelDraft } from './levels.ts';

/** An empty organisation with the chain as edited; the creator becomes its owner. */
export async function createEmptyOrganisation(input: {
  name: string;
  kind: OrganisationKind;
  levels: LevelDraft[];
}): Promise<string> {
  const { createOrganisation } = await request(CreateOrganisationDocument, { input });
  return createOrganisation.organisation.id;
}

/** The empty template with its invented example, fetched as a file the import then reads as is. */
export async function templateFile(lang: 'sv' | 'en'): Promise<File> {
  const response = await fetch(`/api/import-template?format=xlsx&lang=${lang}`);
  const name = lang === 'sv' ? 'mall.xlsx' : 'template.xlsx';
  return new File([await response.blob()], name, { type: response.headers.get('content-type') ?? '' });
}

/**
 * A new organisation from a file: checked first (nothing written while any problem stands), then
 * written; a name typed by the user replaces the file's. Returns the check's answer when it found
 * problems, or the new organisation's id.
 */
export async function createFromFile(
  file: File,
  name: string,
  onProgress: (fraction: number) => void,
): Promise<{ type: 'problems'; answer: ImportAnswer } | { type: 'created'; id: string }> {
  const query = (isDryRun: boolean) =>
    new URLSearchParams({ mode: 'CREATE', fileName: file.name, dryRun: String(isDryRun), ...(name ? { name } : {}) });
  const checked = await uploadFile(`/api/import?${query(true)}`, file, onProgress);
  if (!checked.ok) return { type: 'problems', answer: checked };
  const written = await uploadFile(`/api/import?${query(false)}`, file, onProgress);
  if (!written.applied || !written.organisationId) return { type: 'problems', answer: written };
  if (name) await request(UpdateOrganisationDocument, { input: { id: written.organisationId, name } });
  return { type: 'created', id: written.organisationId };
}
