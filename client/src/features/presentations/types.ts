import type {
  PresentationFieldsFragment,
  PresentationStepFieldsFragment,
  PresenterStateFieldsFragment,
  ShareLinkFieldsFragment,
  ShowFieldsFragment,
} from '../../api/generated/graphql.ts';

export type Presentation = PresentationFieldsFragment;
export type Step = PresentationStepFieldsFragment;
export type Show = ShowFieldsFragment;
export type ShowMap = Show['maps'][number];
export type PresenterState = PresenterStateFieldsFragment;
export type ShareLink = ShareLinkFieldsFragment;
export type CameraMode = Step['camera']['mode'];
