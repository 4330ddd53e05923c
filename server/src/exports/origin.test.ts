import { describe, expect, it } from 'vitest';
import { appOriginWarning } from './origin.js';

describe('APP_ORIGIN start-up warning', () => {
  it('warns when the default localhost origin is used on a public address', () => {
    expect(appOriginWarning({ host: '0.0.0.0', appOrigin: 'http://localhost:3000' }, false)).toMatch(
      /APP_ORIGIN is not set, so it is http:\/\/localhost:3000 while the server listens on 0\.0\.0\.0/,
    );
    expect(appOriginWarning({ host: '10.0.0.5', appOrigin: 'http://127.0.0.1:3000' }, true)).toMatch(/localhost/);
  });
  it('stays quiet on loopback or with a public origin', () => {
    expect(appOriginWarning({ host: 'localhost', appOrigin: 'http://localhost:3000' }, false)).toBeNull();
    expect(appOriginWarning({ host: '127.0.0.1', appOrigin: 'http://localhost:3000' }, false)).toBeNull();
    expect(appOriginWarning({ host: '0.0.0.0', appOrigin: 'https://convene.example.org' }, true)).toBeNull();
  });
});
