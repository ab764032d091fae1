/** The rounds feature's public surface: the side-panel tab and the participant's page (/r/<code>). */
export { ParticipantPage } from './ParticipantPage.tsx';
export { PresentedRoundNote } from './PresentedRoundNote.tsx';
export { roundCodeOf } from './participant-token.ts';
export { RoundsPanel } from './RoundsPanel.tsx';
export { toLinkTallies } from './to-link-tallies.ts';
