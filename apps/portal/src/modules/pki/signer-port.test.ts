import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../server/plugins/security';
import { demoSignerConnectSrc, demoSignerPort, signerUrlFor } from './demo';

describe('SIGNER_PORT (the DEMO signer beside another portal or a real NCALayer)', () => {
  it("defaults to NCALayer's port; off and explicit ports are honoured", () => {
    expect(demoSignerPort({})).toBe(13579);
    expect(demoSignerPort({ SIGNER_PORT: '' })).toBe(13579);
    expect(demoSignerPort({ SIGNER_PORT: 'off' })).toBeNull();
    expect(demoSignerPort({ SIGNER_PORT: '4567' })).toBe(4567);
    expect(demoSignerPort({ SIGNER_PORT: '0' })).toBe(0);
  });

  it('refuses what is not a port, naming the variable', () => {
    expect(() => demoSignerPort({ SIGNER_PORT: 'abc' })).toThrow(/SIGNER_PORT/);
    expect(() => demoSignerPort({ SIGNER_PORT: '70000' })).toThrow(/SIGNER_PORT/);
  });

  it('lets the CSP connect to a signer on another port, and only then', () => {
    expect(demoSignerConnectSrc({})).toEqual([]);
    expect(demoSignerConnectSrc({ SIGNER_PORT: 'off' })).toEqual([]);
    expect(demoSignerConnectSrc({ SIGNER_PORT: '4567' })).toEqual(['ws://127.0.0.1:4567']);
    expect(demoSignerConnectSrc({ SIGNER_PORT: '0' })).toEqual(['ws://127.0.0.1:*']);
    const csp = contentSecurityPolicy('n', ['ws://127.0.0.1:4567']);
    expect(csp).toContain(
      "connect-src 'self' wss://127.0.0.1:13579 ws://127.0.0.1:13579 ws://127.0.0.1:4567;",
    );
    expect(contentSecurityPolicy('n')).toContain(
      "connect-src 'self' wss://127.0.0.1:13579 ws://127.0.0.1:13579;",
    );
  });

  it("tells the web app the running signer's address, else NCALayer's", () => {
    expect(signerUrlFor(false, undefined, {})).toBe('wss://127.0.0.1:13579/');
    expect(signerUrlFor(true, undefined, { SIGNER_PORT: '4567' })).toBe('ws://127.0.0.1:4567/');
    expect(signerUrlFor(true, undefined, {})).toBe('ws://127.0.0.1:13579/');
    const running = { signer: { url: 'ws://127.0.0.1:5555/' } } as Parameters<typeof signerUrlFor>[1];
    expect(signerUrlFor(true, running, { SIGNER_PORT: '0' })).toBe('ws://127.0.0.1:5555/');
  });
});
