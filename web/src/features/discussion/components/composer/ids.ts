/** The element ids of one composer, from its `useId`: labels, hints and errors point at them. */
export const composerIds = (uid: string) => ({
  title: `${uid}-title`,
  body: `${uid}-body`,
  hint: `${uid}-hint`,
  count: `${uid}-count`,
  bodyError: `${uid}-body-error`,
  language: `${uid}-language`,
  languageError: `${uid}-language-error`,
  languageHint: `${uid}-language-hint`,
  tagsError: `${uid}-tags-error`,
  files: `${uid}-files`,
  filesHint: `${uid}-files-hint`,
  filesError: `${uid}-files-error`,
  alert: `${uid}-alert`,
  uploads: `${uid}-uploads`,
});

export type ComposerIds = ReturnType<typeof composerIds>;
