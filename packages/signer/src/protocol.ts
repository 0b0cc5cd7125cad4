import type { X509Certificate } from 'node:crypto';
import { algorithmName, authorityKeyId, commonName, oneLineDn, serialHex } from './cert-info';
import { anchorsFor, FilterError, type KeyFilter } from './filters';
import type { Choice, Keystore } from './keystore';
import { decodeBase64, toPem } from './pem';
import {
  type Answer,
  argumentMismatch,
  type BasicsAnswer,
  basicsCancelled,
  basicsError,
  basicsResult,
  type CommonUtilsAnswer,
  SIGNING_FAILURE,
  utilsCancelled,
  utilsError,
  utilsResult,
} from './shapes';
import type { SignerKey } from './types';
import { signXmlEnveloped, type XmlSignOptions } from './xml-sign';

export const BASICS = 'kz.gov.pki.knca.basics';
export const COMMON_UTILS = 'kz.gov.pki.knca.commonUtils';

/** Signs XML with XMLDSig (default: signXmlEnveloped, as NCALayer signs). */
export type XmlSigner = (xml: string, key: SignerKey, options?: XmlSignOptions) => Promise<string> | string;

export interface ProtocolOptions {
  keystore: Keystore;
  /** CA certificates standing for NCALayer's built-in production NCA trust (requests without signerParams.chain). */
  ncaRoots?: X509Certificate[];
  signXml?: XmlSigner;
  /** Called once per handled request (the CLI logs it). */
  onRequest?: (event: { module: string; method: string; outcome: string }) => void;
}

/** One protocol session per WebSocket connection (it keeps the connection's locale). */
export interface ProtocolSession {
  /** Answer to one incoming text frame, serialised. */
  handle(frame: string): Promise<string>;
  /** Locale last set by changeLocale or a basics request (NCALayer's UI language; informational here). */
  readonly locale: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class BasicsArgumentError extends Error {}

/** Java's org.json wording, which NCALayer passes through in `details`. */
const jsonNotFound = (key: string) =>
  new BasicsArgumentError(`org.json.JSONException: JSONObject["${key}"] not found.`);
const jsonNotObject = (key: string) =>
  new BasicsArgumentError(`org.json.JSONException: JSONObject["${key}"] is not a JSONObject.`);

function optionalBoolean(params: Json, key: string, fallback: boolean): boolean {
  const v = params[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean')
    throw new BasicsArgumentError(`org.json.JSONException: JSONObject["${key}"] is not a Boolean.`);
  return v;
}

function stringArray(v: unknown, key: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new BasicsArgumentError(
      `org.json.JSONException: JSONObject["${key}"] is not a JSONArray of strings.`,
    );
  }
  return v as string[];
}

function describeNone(choice: Choice): string {
  return choice.kind === 'none' ? `No suitable key found. ${choice.reasons.join('; ')}` : '';
}

export function createSession(options: ProtocolOptions): ProtocolSession {
  const { keystore } = options;
  const ncaRoots = options.ncaRoots ?? [];
  const signXml: XmlSigner = options.signXml ?? signXmlEnveloped;
  let locale = 'ru';

  const report = (module: string, method: string, outcome: string) =>
    options.onRequest?.({ module, method, outcome });

  async function basicsSign(args: unknown): Promise<BasicsAnswer> {
    if (!isObject(args)) throw jsonNotObject('args');
    const format = args.format;
    if (format === undefined) throw jsonNotFound('format');
    if (format !== 'cms' && format !== 'xml') {
      throw new BasicsArgumentError(
        `Unsupported format: ${String(format)} (the tereze signer makes cms and xml)`,
      );
    }
    if (args.signingParams === undefined) throw jsonNotFound('signingParams');
    if (!isObject(args.signingParams)) throw jsonNotObject('signingParams');
    if (args.signerParams === undefined) throw jsonNotFound('signerParams');
    if (!isObject(args.signerParams)) throw jsonNotObject('signerParams');
    const signing = args.signingParams;
    const signer = args.signerParams;
    if (signer.extKeyUsageOids === undefined) throw jsonNotFound('extKeyUsageOids');

    const data = args.data;
    if (data === undefined || data === null) throw jsonNotFound('data');
    const isArray = Array.isArray(data);
    const items = isArray ? stringArray(data, 'data') : typeof data === 'string' ? [data] : null;
    if (!items) throw new BasicsArgumentError('org.json.JSONException: JSONObject["data"] is not a string.');
    if (items.length === 0) throw new BasicsArgumentError('data is an empty array');

    const allowedStorages =
      args.allowedStorages == null ? null : stringArray(args.allowedStorages, 'allowedStorages');
    const filter: KeyFilter = {
      extKeyUsageOids: stringArray(signer.extKeyUsageOids, 'extKeyUsageOids'),
      iin: optionalString(signer, 'iin'),
      bin: optionalString(signer, 'bin'),
      serialNumber: optionalString(signer, 'serialNumber'),
      chain:
        signer.chain === undefined || signer.chain === null ? undefined : stringArray(signer.chain, 'chain'),
      allowedStorages,
    };
    if (typeof args.locale === 'string') locale = args.locale;

    const decode = optionalBoolean(signing, 'decode', false);
    const encapsulate = optionalBoolean(signing, 'encapsulate', true);
    const digested = optionalBoolean(signing, 'digested', false);
    if (format === 'cms' && digested) {
      throw new BasicsArgumentError(
        'digested: true (signing a precomputed hash) is not supported by the tereze signer',
      );
    }
    const payloads = items.map((item, i) => {
      if (format === 'xml' || !decode) return new TextEncoder().encode(item);
      const bytes = decodeBase64(item);
      if (!bytes)
        throw new BasicsArgumentError(
          `java.lang.IllegalArgumentException: data${isArray ? `[${i}]` : ''} is not valid Base64`,
        );
      return bytes;
    });

    const choice = keystore.choose(filter, anchorsFor(filter, ncaRoots));
    if (choice.kind === 'cancelled') return basicsCancelled();
    if (choice.kind === 'none') return basicsError(describeNone(choice));
    const { key } = choice;

    if (format === 'xml') {
      const signed: string[] = [];
      for (const xml of items) signed.push(await signXml(xml, key));
      // NCALayer answers xml requests with an array even for one document
      return basicsResult(signed);
    }
    const pems: string[] = [];
    for (const bytes of payloads) {
      try {
        pems.push(toPem(await key.signCms(bytes, { detached: !encapsulate }), 'CMS'));
      } catch (err) {
        return basicsError(errorText(err), SIGNING_FAILURE);
      }
    }
    return basicsResult(isArray ? pems : pems[0]);
  }

  function chooseForUtils(storage: string, keyType: string | undefined): Choice {
    // commonUtils has no chain parameter: NCALayer lists test and production keys alike
    return keystore.choose({ allowedStorages: [storage], keyType, chain: [] }, null);
  }

  function keyInfo(key: SignerKey): Record<string, string> {
    const cert = key.certificate;
    return {
      alias: key.alias,
      keyId: key.alias,
      algorithm: algorithmName(cert),
      subjectCn: commonName(cert),
      subjectDn: oneLineDn(cert),
      issuerCn: commonName(cert, 'issuer'),
      issuerDn: oneLineDn(cert, 'issuer'),
      serialNumber: serialHex(cert),
      certNotBefore: String(Date.parse(cert.validFrom)),
      certNotAfter: String(Date.parse(cert.validTo)),
      authorityKeyIdentifier: authorityKeyId(cert) ?? '',
      pem: cert.toString(),
    };
  }

  async function commonUtils(method: string, rawArgs: unknown): Promise<CommonUtilsAnswer> {
    const args = Array.isArray(rawArgs) ? rawArgs : rawArgs === undefined ? [] : null;
    if (!args) return argumentMismatch(method);
    const str = (i: number) => typeof args[i] === 'string';

    switch (method) {
      case 'getActiveTokens':
        // hardware token types currently plugged in; a software keystore has none
        return utilsResult([]);
      case 'changeLocale':
        if (args.length !== 1 || !str(0)) return argumentMismatch(method);
        locale = args[0] as string;
        return utilsResult();
      case 'getKeyInfo': {
        if (args.length !== 1 || !str(0)) return argumentMismatch(method);
        const choice = chooseForUtils(args[0] as string, undefined);
        if (choice.kind === 'cancelled') return utilsCancelled();
        if (choice.kind === 'none') return utilsError(describeNone(choice));
        return utilsResult(keyInfo(choice.key));
      }
      case 'createCAdESFromBase64':
      case 'createCMSSignatureFromBase64': {
        if (!str(0) || !str(1) || !str(2) || (args[3] !== undefined && typeof args[3] !== 'boolean')) {
          return argumentMismatch(method);
        }
        const bytes = decodeBase64(args[2] as string);
        if (!bytes) return utilsError('java.lang.IllegalArgumentException: data is not valid Base64');
        const choice = chooseForUtils(args[0] as string, args[1] as string);
        if (choice.kind === 'cancelled') return utilsCancelled();
        if (choice.kind === 'none') return utilsError(describeNone(choice));
        try {
          const der = await choice.key.signCms(bytes, { detached: args[3] !== true });
          return utilsResult(Buffer.from(der).toString('base64'));
        } catch (err) {
          return utilsError(errorText(err));
        }
      }
      case 'createCAdESFromBase64Hash':
        if (!str(0) || !str(1) || !str(2)) return argumentMismatch(method);
        return utilsError('Signing a precomputed hash is not supported by the tereze signer');
      case 'signXml':
      case 'signXmls': {
        const many = method === 'signXmls';
        const docsOk = many ? Array.isArray(args[2]) && args[2].every((x) => typeof x === 'string') : str(2);
        const xpathOk = (i: number) => args[i] === undefined || args[i] === null || str(i);
        if (!str(0) || !str(1) || !docsOk || !xpathOk(3) || !xpathOk(4)) return argumentMismatch(method);
        const xpaths: XmlSignOptions = {
          tbsElementXPath: (args[3] as string | undefined) ?? undefined,
          signatureParentElementXPath: (args[4] as string | undefined) ?? undefined,
        };
        const choice = chooseForUtils(args[0] as string, args[1] as string);
        if (choice.kind === 'cancelled') return utilsCancelled();
        if (choice.kind === 'none') return utilsError(describeNone(choice));
        try {
          const docs = many ? (args[2] as string[]) : [args[2] as string];
          const signed: string[] = [];
          for (const xml of docs) signed.push(await signXml(xml, choice.key, xpaths));
          return utilsResult(many ? signed : signed[0]);
        } catch (err) {
          return utilsError(errorText(err));
        }
      }
      default:
        return utilsError(`java.lang.NoSuchMethodException: ${COMMON_UTILS}.${method}`);
    }
  }

  async function dispatch(request: Json): Promise<Answer> {
    const { module, method } = request;
    if (typeof module !== 'string' || typeof method !== 'string') {
      return utilsError('Malformed request: "module" and "method" must be strings');
    }
    if (module === BASICS) {
      if (method !== 'sign') return basicsError(`java.lang.NoSuchMethodException: ${BASICS}.${method}`);
      try {
        return await basicsSign(request.args);
      } catch (err) {
        if (err instanceof BasicsArgumentError || err instanceof FilterError) return basicsError(err.message);
        return basicsError(errorText(err));
      }
    }
    if (module === COMMON_UTILS) {
      try {
        return await commonUtils(method, request.args);
      } catch (err) {
        return utilsError(errorText(err));
      }
    }
    // e.g. the KAZTOKEN probe kz.digiflow.mobile.extensions.getVersion: clients read any non-200 as "not KAZTOKEN"
    return utilsError(`Module not found: ${module}`);
  }

  return {
    async handle(frame) {
      if (frame === '--heartbeat--') return frame;
      let request: unknown;
      try {
        request = JSON.parse(frame);
      } catch (err) {
        report('?', '?', 'malformed JSON');
        return JSON.stringify(utilsError(`Malformed request: ${errorText(err)}`));
      }
      if (!isObject(request)) {
        report('?', '?', 'not an object');
        return JSON.stringify(utilsError('Malformed request: expected a JSON object'));
      }
      const answer: Json = { ...(await dispatch(request)) };
      // some web pages tag requests with a uuid and match answers by it
      if (request.uuid !== undefined) answer.uuid = request.uuid;
      report(String(request.module), String(request.method), outcomeOf(answer));
      return JSON.stringify(answer);
    },
    get locale() {
      return locale;
    },
  };
}

function optionalString(params: Json, key: string): string | undefined {
  const v = params[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string')
    throw new BasicsArgumentError(`org.json.JSONException: JSONObject["${key}"] is not a string.`);
  return v;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function outcomeOf(answer: Json): string {
  if (answer.status === true)
    return isObject(answer.body) && 'result' in answer.body ? 'signed' : 'cancelled';
  if (answer.status === false) return `error: ${String(answer.details)}`;
  if (answer.code === '200') return 'ok';
  return `error: ${String(answer.message)}`;
}
