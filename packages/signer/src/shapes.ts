// NCALayer's answer shapes, byte-for-byte as the real app sends them (see docs/signer.md and
// the traffic captured in ncalayer-js-client's test-data.json). Two families exist: the 2022
// `kz.gov.pki.knca.basics` module answers with {status, body}, the older modules with {code, responseObject}.

export const GREETING = { result: { version: '1.2' } } as const;

export type BasicsAnswer =
  | { status: true; body: { result?: string | string[] } }
  | { status: false; code: string; message: string; details: string };

export type CommonUtilsAnswer = { code: '200'; responseObject?: unknown } | { code: '500'; message?: string };

export type Answer = BasicsAnswer | CommonUtilsAnswer | typeof GREETING;

export const basicsResult = (result: string | string[]): BasicsAnswer => ({ status: true, body: { result } });

/** What NCALayer answers when the user closes the key chooser. */
export const basicsCancelled = (): BasicsAnswer => ({ status: true, body: {} });

export const INVOCATION_ERROR = 'INVOCATION_ERROR';
export const SIGNING_FAILURE = 'SIGNING_FAILURE';

export const basicsError = (details: string, code = INVOCATION_ERROR): BasicsAnswer => ({
  status: false,
  code,
  message: code === INVOCATION_ERROR ? 'An invoked method threw an exception.' : 'Signing failed.',
  details,
});

export const utilsResult = (responseObject?: unknown): CommonUtilsAnswer =>
  responseObject === undefined ? { code: '200' } : { code: '200', responseObject };

export const utilsCancelled = (): CommonUtilsAnswer => ({ code: '500', message: 'action.canceled' });

export const utilsError = (message: string): CommonUtilsAnswer => ({ code: '500', message });

/** NCALayer's reflection layer reports wrong positional argument types like this. */
export const argumentMismatch = (method: string): CommonUtilsAnswer =>
  utilsError(`java.lang.IllegalArgumentException: argument type mismatch. Method: ${method}`);
