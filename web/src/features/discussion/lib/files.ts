import { MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES } from '@convene/shared';

// What the server accepts as attachments (it checks the content again): MAX_ATTACHMENTS files of
// MAX_ATTACHMENT_BYTES each, and the types below.

const TYPES: Record<string, readonly string[]> = {
  pdf: ['application/pdf'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  odt: ['application/vnd.oasis.opendocument.text'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  png: ['image/png'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
};

/** For the file input's `accept`. */
export const ACCEPT = [...Object.keys(TYPES).map((e) => `.${e}`), ...new Set(Object.values(TYPES).flat())].join(',');

export type FileProblem = 'type' | 'size' | 'count' | 'empty';

export interface FileLike {
  name: string;
  size: number;
  type: string;
}

const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** Why one file cannot be attached, or null when it can. */
export function fileProblem(file: FileLike): FileProblem | null {
  const types = TYPES[extension(file.name)];
  // Browsers leave `type` empty for some office files; the extension then decides.
  if (!types || (file.type !== '' && !types.includes(file.type))) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'size';
  return null;
}

/**
 * Splits a selection into what can be added to the files already chosen (or already attached,
 * counted in `taken`) and what cannot, with the reason for each refusal.
 */
export function checkFiles<F extends FileLike>(
  chosen: readonly F[],
  taken: number,
): { accepted: F[]; refused: { file: F; problem: FileProblem }[] } {
  const accepted: F[] = [];
  const refused: { file: F; problem: FileProblem }[] = [];
  for (const file of chosen) {
    const problem = fileProblem(file);
    if (problem) refused.push({ file, problem });
    else if (taken + accepted.length >= MAX_ATTACHMENTS) refused.push({ file, problem: 'count' });
    else accepted.push(file);
  }
  return { accepted, refused };
}
