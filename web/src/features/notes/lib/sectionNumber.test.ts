import { describe, expect, it } from 'vitest';
import { hasOwnNumber, sectionHeading } from './sectionNumber';

const format = (n: number, title: string) => `${n}. ${title}`;

describe('section headings in the note editor', () => {
  it('does not number a title that has its own number', () => {
    expect(sectionHeading(1, 'I. Background', format)).toBe('I. Background');
    expect(sectionHeading(2, '2) Findings', format)).toBe('2) Findings');
    expect(sectionHeading(3, '1.2 Remittances', format)).toBe('1.2 Remittances');
    expect(sectionHeading(4, 'IV – Annex', format)).toBe('IV – Annex');
    expect(sectionHeading(1, 'Background', format)).toBe('1. Background');
  });
  it('keeps numbering titles that only begin with a number or a capital I', () => {
    expect(hasOwnNumber('2030 Agenda for Sustainable Development')).toBe(false);
    expect(hasOwnNumber('In the field')).toBe(false);
    expect(hasOwnNumber('I think')).toBe(false);
    expect(sectionHeading(1, 'Mixed movements', format)).toBe('1. Mixed movements');
  });
});
