// Browser client for NCALayer (or the tereze signer at the same address). No node imports: this file
// is bundled into the portal's web app. It speaks the same frames as the real NCALayer: wait for the
// greeting, then one request at a time with the `kz.gov.pki.knca.basics` `sign` method.
import { type SignerLocale, type SignerMessageKey, signerMessage } from './messages';

export type { SignerLocale, SignerMessageKey } from './messages';
export { NCALAYER_INSTALL_URL, signerMessage, signerMessages } from './messages';

export const DEFAULT_SIGNER_URL = 'wss://127.0.0.1:13579/';
export const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
export const OID_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';

/** The part of the WebSocket API the client uses (the browser's, or `ws` in node tests). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export class SignerError extends Error {
  readonly messageKey: SignerMessageKey;
  constructor(messageKey: SignerMessageKey, message: string) {
    super(message);
    this.name = 'SignerError';
    this.messageKey = messageKey;
  }
  /** Text for the user in a locale. */
  localized(locale: SignerLocale): string {
    return signerMessage(this.messageKey, locale);
  }
}

/** Nothing listens at the signer address (NCALayer not installed or not running), or it dropped the connection. */
export class SignerUnavailableError extends SignerError {
  constructor(detail = 'NCALayer is not reachable') {
    super('signer.unavailable', detail);
    this.name = 'SignerUnavailableError';
  }
}

/** The user closed NCALayer's key chooser or password dialog. */
export class SignerCancelledError extends SignerError {
  constructor() {
    super('signer.cancelled', 'signing was cancelled by the user');
    this.name = 'SignerCancelledError';
  }
}

/** NCALayer answered with an error (code e.g. INVOCATION_ERROR), timed out or spoke an unknown dialect. */
export class SignerFailedError extends SignerError {
  readonly code: string;
  readonly details: string;
  constructor(code: string, details: string, messageKey: SignerMessageKey = 'signer.failed') {
    super(messageKey, `${code}: ${details}`);
    this.name = 'SignerFailedError';
    this.code = code;
    this.details = details;
  }
  override localized(locale: SignerLocale): string {
    return signerMessage(this.messageKey, locale, this.details);
  }
}

export interface SignerClientOptions {
  url?: string;
  /** How long one signing request may take, the user's choice and password entry included. */
  timeoutMs?: number;
  /** How long to wait for the connection and NCALayer's greeting. */
  connectTimeoutMs?: number;
  /** Defaults to the global WebSocket (browsers). */
  WebSocket?: WebSocketConstructor;
  /**
   * signerParams.chain sent with every request: undefined = NCALayer's default (production NCA keys only);
   * [] = any CA (test keys); PEM list = keys under those CAs.
   */
  chain?: string[];
  /** NCALayer's dialog language. */
  locale?: SignerLocale;
}

export interface SignCmsOptions {
  /** login → an AUTH key (clientAuth EKU); document → a SIGN key (emailProtection EKU). */
  purpose: 'login' | 'document';
  /** true = the CMS does not contain the data (default false). */
  detached?: boolean;
  /** Only keys of this person (IIN) / organisation (BIN). */
  iin?: string;
  bin?: string;
  /** Extra EKU OIDs the key must carry (e.g. a role such as first head 1.2.398.3.3.4.1.2.1). */
  extraEkuOids?: string[];
}

export interface SignerClient {
  /** Opens the connection and resolves with NCALayer's version. Called automatically by signCms. */
  connect(): Promise<string>;
  /** CMS SignedData as NCALayer returns it: PEM text `-----BEGIN CMS-----…`. */
  signCms(data: string | Uint8Array, options: SignCmsOptions): Promise<string>;
  close(): void;
}

const OPEN = 1;

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

type Pending = {
  resolve: (answer: unknown) => void;
  reject: (err: Error) => void;
  timer: ReturnType<typeof setTimeout>;
};

export function createSignerClient(options: SignerClientOptions = {}): SignerClient {
  const url = options.url ?? DEFAULT_SIGNER_URL;
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const locale = options.locale ?? 'ru';

  let socket: WebSocketLike | null = null;
  let connecting: Promise<string> | null = null;
  // NCALayer answers in request order and without ids: a FIFO of waiting requests
  const pending: Pending[] = [];

  function failAll(err: Error): void {
    for (const p of pending.splice(0)) {
      clearTimeout(p.timer);
      p.reject(err);
    }
  }

  function drop(err: Error): void {
    const s = socket;
    socket = null;
    connecting = null;
    failAll(err);
    if (s) {
      s.onmessage = s.onclose = s.onerror = s.onopen = null;
      try {
        s.close();
      } catch {
        /* already closed */
      }
    }
  }

  function connect(): Promise<string> {
    if (connecting) return connecting;
    const Ctor = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!Ctor) return Promise.reject(new SignerUnavailableError('no WebSocket implementation'));
    connecting = new Promise<string>((resolve, reject) => {
      let greeted = false;
      let s: WebSocketLike;
      try {
        s = new Ctor(url);
      } catch (err) {
        reject(new SignerUnavailableError(String(err)));
        return;
      }
      socket = s;
      const timer = setTimeout(() => {
        drop(new SignerUnavailableError('no greeting from NCALayer'));
        reject(new SignerUnavailableError('no greeting from NCALayer'));
      }, connectTimeoutMs);
      s.onerror = () => {
        if (greeted) return; // onclose follows and handles it
        clearTimeout(timer);
        drop(new SignerUnavailableError());
        reject(new SignerUnavailableError());
      };
      s.onclose = () => {
        clearTimeout(timer);
        if (!greeted) reject(new SignerUnavailableError('connection closed before the greeting'));
        drop(new SignerUnavailableError('NCALayer closed the connection'));
      };
      s.onmessage = (ev) => {
        let message: unknown;
        try {
          message = JSON.parse(String(ev.data));
        } catch {
          message = undefined;
        }
        if (!greeted) {
          clearTimeout(timer);
          const version = (message as { result?: { version?: unknown } } | undefined)?.result?.version;
          if (typeof version !== 'string') {
            const err = new SignerFailedError(
              'BAD_GREETING',
              String(ev.data).slice(0, 200),
              'signer.protocol',
            );
            drop(err);
            reject(err);
            return;
          }
          greeted = true;
          resolve(version);
          return;
        }
        const next = pending.shift();
        if (!next) return;
        clearTimeout(next.timer);
        if (message === undefined)
          next.reject(new SignerFailedError('BAD_ANSWER', 'not JSON', 'signer.protocol'));
        else next.resolve(message);
      };
    });
    return connecting;
  }

  async function request(frame: object): Promise<unknown> {
    await connect();
    const s = socket;
    if (!s || s.readyState !== OPEN) throw new SignerUnavailableError('connection is not open');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // answers carry no ids, so a late answer would be taken for the next request's: start afresh
        drop(new SignerFailedError('TIMEOUT', `no answer within ${timeoutMs} ms`, 'signer.timeout'));
      }, timeoutMs);
      pending.push({ resolve, reject, timer });
      s.send(JSON.stringify(frame));
    });
  }

  return {
    connect,
    async signCms(data, opts) {
      if (opts.purpose !== 'login' && opts.purpose !== 'document') {
        throw new TypeError("purpose must be 'login' or 'document'");
      }
      const base64 = typeof data === 'string' ? data : bytesToBase64(data);
      const signerParams: Record<string, unknown> = {
        extKeyUsageOids: [
          opts.purpose === 'login' ? OID_CLIENT_AUTH : OID_EMAIL_PROTECTION,
          ...(opts.extraEkuOids ?? []),
        ],
      };
      if (opts.iin) signerParams.iin = opts.iin;
      if (opts.bin) signerParams.bin = opts.bin;
      if (options.chain) signerParams.chain = options.chain;
      const answer = (await request({
        module: 'kz.gov.pki.knca.basics',
        method: 'sign',
        args: {
          allowedStorages: null,
          format: 'cms',
          data: base64,
          signingParams: { decode: true, encapsulate: !opts.detached, digested: false },
          signerParams,
          locale,
        },
      })) as {
        status?: unknown;
        body?: { result?: unknown };
        code?: unknown;
        message?: unknown;
        details?: unknown;
      };

      if (answer.status === true) {
        const result = answer.body?.result;
        if (result === undefined) throw new SignerCancelledError();
        const pem = Array.isArray(result) ? result[0] : result;
        if (typeof pem !== 'string')
          throw new SignerFailedError('BAD_ANSWER', 'result is not a string', 'signer.protocol');
        return pem;
      }
      if (answer.status === false) {
        throw new SignerFailedError(
          String(answer.code ?? 'ERROR'),
          String(answer.details ?? answer.message ?? ''),
        );
      }
      throw new SignerFailedError(
        String(answer.code ?? 'BAD_ANSWER'),
        String(answer.message ?? ''),
        'signer.protocol',
      );
    },
    close() {
      drop(new SignerUnavailableError('client closed'));
    },
  };
}
