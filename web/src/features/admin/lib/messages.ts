import type { TFunction } from 'i18next';
import { commonFieldMessage } from '../../../lib/fieldMessages';

/**
 * The server names fields in English (the shared schemas' messages). Known ones are shown in
 * the interface language; anything else as the server wrote it.
 */
export function localizeFieldMessage(t: TFunction, message: string): string {
  if (message === 'Required') return t('admin:validation.required');
  const max = /^At most ([\d,]+) characters$/.exec(message);
  if (max) return t('admin:validation.maxLength', { n: max[1] });
  if (/already exists/i.test(message)) return t('admin:validation.slugTaken');
  if (message.startsWith('Use lower-case letters')) return t('admin:validation.slug');
  if (message === 'Must be after the opening date') return t('admin:validation.closesAfter');
  if (message === 'No space has this slug') return t('admin:validation.parentUnknown');
  if (message.startsWith('This space is itself inside a session')) return t('admin:validation.parentNested');
  if (message === 'No account has this email') return t('admin:validation.unknownEmail');
  const sessionDraft = /^The session (.+?) \(“(.*)”\) is still a draft/.exec(message);
  if (sessionDraft) return t('admin:validation.sessionDraft', { code: sessionDraft[1], title: sessionDraft[2] });
  if (message === 'Another space already has this code') return t('admin:validation.codeTaken');
  if (/email/i.test(message)) return t('admin:validation.email');
  if (/>=1 items|at least 1/i.test(message)) return t('admin:validation.languages');
  return commonFieldMessage(t, message);
}
