import { useEffect, useState } from 'react';

import { request, type RequestStatus } from '../../api/client.ts';
import { asApiError } from '../../api/error-text.ts';
import { type OrganisationsQuery, OrganisationsDocument } from '../../api/generated/graphql.ts';

export type OrganisationList = OrganisationsQuery['organisations']['nodes'];

export function useOrganisations(): [RequestStatus<OrganisationList>, () => void] {
  const [status, setStatus] = useState<RequestStatus<OrganisationList>>({ type: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    request(OrganisationsDocument, {})
      .then((data) => isCurrent && setStatus({ type: 'ready', data: data.organisations.nodes }))
      .catch((error: unknown) => isCurrent && setStatus({ type: 'error', error: asApiError(error) }));
    return () => {
      isCurrent = false;
    };
  }, [attempt]);
  return [status, () => (setStatus({ type: 'loading' }), setAttempt((a) => a + 1))];
}
