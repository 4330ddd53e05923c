import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '@convene/shared';
import { checkFiles, fileProblem } from './files';

const f = (name: string, size = 1000, type = '') => ({ name, size, type });

describe('attachment checks', () => {
  it('accepts the listed types, by extension and type', () => {
    expect(fileProblem(f('paper.pdf', 10, 'application/pdf'))).toBeNull();
    expect(fileProblem(f('Note.DOCX'))).toBeNull();
    expect(fileProblem(f('photo.jpeg', 10, 'image/jpeg'))).toBeNull();
    expect(fileProblem(f('tool.exe'))).toBe('type');
    expect(fileProblem(f('fake.pdf', 10, 'text/html'))).toBe('type');
  });

  it('refuses empty and oversized files', () => {
    expect(fileProblem(f('a.pdf', 0))).toBe('empty');
    expect(fileProblem(f('a.pdf', MAX_ATTACHMENT_BYTES))).toBeNull();
    expect(fileProblem(f('a.pdf', MAX_ATTACHMENT_BYTES + 1))).toBe('size');
  });

  it('counts files already chosen or attached', () => {
    const { accepted, refused } = checkFiles([f('1.pdf'), f('2.pdf'), f('x.zip'), f('3.pdf')], 1);
    expect(accepted.map((x) => x.name)).toEqual(['1.pdf', '2.pdf']);
    expect(refused.map((r) => [r.file.name, r.problem])).toEqual([
      ['x.zip', 'type'],
      ['3.pdf', 'count'],
    ]);
  });
});
