import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('config', () => {
  it('defaults to the embedded database with demo content on localhost:3000', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demo).toBe(true);
    expect(c.port).toBe(3000);
    expect(c.appOrigin).toBe('http://localhost:3000');
    expect(c.cookieSecure).toBe(false);
  });

  it('turns demo content off for an external database unless DEMO=1', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/convene' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/convene', DEMO: '1' }).demo).toBe(true);
  });

  it('requires two-factor of administrators, except for the local demo on the embedded database', () => {
    const url = 'postgres://u:p@db:5432/convene';
    expect(loadConfig({ DATABASE_URL: url }).staffAccounts.require2fa).toBe('admins');
    expect(loadConfig({ DATABASE_URL: url, DEMO: '1' }).staffAccounts.require2fa).toBe('admins');
    expect(loadConfig({}).staffAccounts.require2fa).toBe('off');
    expect(loadConfig({ DEMO: '0' }).staffAccounts.require2fa).toBe('admins');
    expect(loadConfig({ REQUIRE_STAFF_2FA: 'staff' }).staffAccounts.require2fa).toBe('staff');
  });

  it('makes cookies Secure behind an https origin', () => {
    expect(loadConfig({ APP_ORIGIN: 'https://convene.example.org' }).cookieSecure).toBe(true);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DEMO: 'maybe' })).toThrow(/PORT[\s\S]*DEMO|DEMO[\s\S]*PORT/);
  });

  it('needs both ADMIN_EMAIL and ADMIN_PASSWORD to bootstrap an admin', () => {
    expect(loadConfig({ ADMIN_EMAIL: 'a@b.org' }).admin).toBeUndefined();
    expect(loadConfig({ ADMIN_EMAIL: 'a@b.org', ADMIN_PASSWORD: 'twelve chars!' }).admin).toEqual({
      email: 'a@b.org',
      password: 'twelve chars!',
    });
  });
});
