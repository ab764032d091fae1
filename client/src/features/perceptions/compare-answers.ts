/** The aspects a perception answers, as the link records them too. */
export const ASPECTS = ['coupling', 'targetResponds', 'sourceResponds', 'distinctive'] as const;
export type Aspect = (typeof ASPECTS)[number];

export type Answers = Record<Aspect, string | boolean | null>;

export interface AspectRow {
  aspect: Aspect;
  /** The link's own value. */
  link: string | boolean | null;
  /** Each perception's answer, in the order given. */
  answers: Array<string | boolean | null>;
  /** Whether the perceptions' answers (not assessed left aside) differ from each other. */
  isDisagreement: boolean;
  /** Per answer: whether it differs from the link's own value (both assessed). */
  differsFromLink: boolean[];
}

/**
 * The link's own assessment beside every perception of it, aspect by aspect, marking where the
 * respondents disagree with each other and where an answer differs from the link as recorded.
 * "Not assessed" never counts as a difference (as in the asymmetry analysis).
 */
export function compareAnswers(link: Answers, perceptions: readonly Answers[]): AspectRow[] {
  return ASPECTS.map((aspect) => {
    const answers = perceptions.map((p) => p[aspect]);
    const given = new Set(answers.filter((a) => a !== null));
    return {
      aspect,
      link: link[aspect],
      answers,
      isDisagreement: given.size > 1,
      differsFromLink: answers.map((a) => a !== null && link[aspect] !== null && a !== link[aspect]),
    };
  });
}
