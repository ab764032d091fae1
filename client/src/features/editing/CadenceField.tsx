import { useTranslation } from 'react-i18next';

import type { Cadence } from '../../api/generated/graphql.ts';
import { Field, Select } from '../../ui/Field.tsx';

const CADENCES: Cadence[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'TERMLY', 'YEARLY', 'AD_HOC'];

/** How often an arena meets or a link is used; empty for not said. */
export function CadenceField(props: { value: string; onChange: (value: string) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Field label={t('fields.cadence')} error={props.error}>
      <Select
        name="cadence"
        value={props.value}
        onChange={props.onChange}
        emptyLabel={t('common.none')}
        options={CADENCES.map((c) => ({ value: c, label: t(`cadence.${c}`) }))}
      />
    </Field>
  );
}
