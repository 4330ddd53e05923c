import { LOCALES, type Locale } from '@convene/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AskedLanguage } from '../../presenters/spaceTexts.js';

/**
 * The first interface language an Accept-Language header accepts, by quality then order
 * ("fr-CH, en;q=0.8" → fr, "zh-Hans-CN" → zh); null when it names none of them.
 */
export function negotiateLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .slice(0, 1_000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && Number.isFinite(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranges) if ((LOCALES as readonly string[]).includes(r.base)) return r.base as Locale;
  return null;
}

/**
 * The language a read of space texts asks for: `?lang=` when given, else the Accept-Language
 * header, else none (the original). The answer varies with the header, so caches are told.
 */
export function askedLanguage(request: FastifyRequest, reply: FastifyReply, lang: Locale | undefined): AskedLanguage {
  void reply.header('Vary', 'Accept-Language');
  return lang ?? negotiateLanguage(request.headers['accept-language']);
}
