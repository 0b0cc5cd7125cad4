/**
 * tereze's test certification authority: a root and an issuing CA (RSA) that issue
 * NCA-profile AUTH and SIGN certificates, revoke them, publish CRLs and answer OCSP.
 * For development, tests and demos only — keys are kept in plain PKCS#8 files.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import type { JsonNameParams } from '@peculiar/x509';
import { type ParsedCertificate, parseCertificate } from '../cert';
import { encodePem } from '../der';
import { TestCaError } from '../errors';
import { isValidBin, isValidBinOrIin, isValidIin } from '../identifiers';
import { generateRsaKeyPair, type KeyBundle, type KeyPair, privateKeyToPem } from '../keys';
import { EKU } from '../oids';
import { writePkcs12 } from '../p12';
import { buildCertificate, type CertificateSpec, type KeyUsageSpec } from './build';
import { buildCrl, type CrlOptions } from './crl';
import { caSubjectName, ncaSubjectName, type SubjectFields } from './names';
import { answerOcsp, type OcspOptions } from './ocsp';
import {
  type CaIndex,
  ensureDir,
  FILES,
  hasCa,
  type IssuedRecord,
  type IssuerRef,
  indexMtime,
  type RevocationReason,
  readIndex,
  readText,
  writeAtomic,
  writeIndex,
} from './store';
import {
  isTemplateName,
  type Purpose,
  purposeProfile,
  TEMPLATE_NAMES,
  TEMPLATES,
  type TemplateName,
} from './templates';
import { type TimestampOptions, timestampToken } from './tsa';

export const ROOT_CN = 'tereze TEST ROOT (RSA)';
export const ISSUING_CN = 'tereze TEST ҰКО (RSA)';
export const OCSP_CN = 'tereze TEST OCSP (RSA)';

const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365 * DAY;

export interface TestCaCreateOptions {
  /** Directory to persist to; in memory only when absent. */
  dir?: string;
  /** Base URL the CRLs, CA certificates and OCSP are served under (e.g. http://localhost:3000/pki). */
  baseUrl: string;
  keySize?: 2048 | 4096;
  /** Clock for the CA certificates (tests). */
  now?: Date;
  /** Pre-generated key pairs (tests reuse keys; each is generated when absent). */
  keys?: { root?: KeyPair; issuing?: KeyPair; ocsp?: KeyPair };
}

export interface IssueOptions {
  template: TemplateName | string;
  iin: string;
  /** Required for legal-entity templates except individual-entrepreneur (defaults to the IIN). */
  bin?: string;
  /** Organisation name (O); required for legal-entity templates. */
  org?: string;
  surname: string;
  firstName: string;
  patronymic?: string;
  email?: string;
  locality?: string;
  state?: string;
  notBefore?: Date;
  notAfter?: Date;
  /** Key pair for both certificates (saves key generation in tests). */
  keyPair?: KeyPair;
  /** Separate key pair for the SIGN certificate; defaults to keyPair or a fresh one. */
  signKeyPair?: KeyPair;
}

export interface IssuedPair {
  auth: KeyBundle;
  sign: KeyBundle;
}

export interface CustomIssueOptions {
  /** NCA subject fields, JSON name params, or Name DER. Default CN=tereze TEST custom. */
  subject?: SubjectFields | JsonNameParams | Uint8Array;
  /** Who signs: the root, the issuing CA (default), the subject itself, or any bundle. */
  issuer?: IssuerRef | 'self' | KeyBundle;
  keyPair?: KeyPair;
  serialNumber?: string;
  notBefore?: Date;
  notAfter?: Date;
  basicConstraints?: CertificateSpec['basicConstraints'];
  keyUsage?: KeyUsageSpec | null;
  ekus?: string[] | null;
  ekusCritical?: boolean;
  policies?: string[];
  sanEmails?: string[];
  ocspNoCheck?: boolean;
  /** Add CDP / AIA of the issuer (default true when the issuer is the root or issuing CA). */
  urls?: boolean;
  omitSki?: boolean;
  omitAki?: boolean;
  /** Template label stored in the index. */
  label?: string;
}

export interface P12File {
  fileName: string;
  der: Uint8Array;
  purpose: Purpose;
}

function isSubjectFields(s: CustomIssueOptions['subject']): s is SubjectFields {
  return !!s && !(s instanceof Uint8Array) && !Array.isArray(s);
}

function bundleOf(
  certificate: ParsedCertificate,
  privateKey: KeyObject,
  chain: ParsedCertificate[],
): KeyBundle {
  return { certificate, privateKey, chain, alias: certificate.ski ?? certificate.fingerprint };
}

export class TestCA {
  readonly dir: string | undefined;
  readonly root: KeyBundle;
  readonly issuing: KeyBundle;
  readonly ocspResponder: KeyBundle;
  /** @internal */ index: CaIndex;
  private indexReadAt = 0;

  private constructor(
    dir: string | undefined,
    index: CaIndex,
    root: KeyBundle,
    issuing: KeyBundle,
    ocsp: KeyBundle,
  ) {
    this.dir = dir;
    this.index = index;
    this.root = root;
    this.issuing = issuing;
    this.ocspResponder = ocsp;
  }

  private tsaBundle: Promise<KeyBundle> | undefined;

  /** The test TSA: issued by the issuing CA, EKU id-kp-timeStamping (critical); created on first use. */
  tsa(): Promise<KeyBundle> {
    this.tsaBundle ??= this.issueCustom({
      subject: caSubjectName('tereze TEST TSA (RSA)'),
      keyUsage: { digitalSignature: true, nonRepudiation: true },
      ekus: [EKU.timeStamping],
      ekusCritical: true,
      label: 'tsa',
    });
    return this.tsaBundle;
  }

  /** An RFC 3161 TimeStampToken (DER ContentInfo) over a SHA-256 imprint, signed by `tsa()`. */
  async timestamp(messageImprintHash: Uint8Array, opts: TimestampOptions = {}): Promise<Uint8Array> {
    return timestampToken(await this.tsa(), messageImprintHash, opts);
  }

  get baseUrl(): string {
    return this.index.baseUrl;
  }

  /** URLs published in certificates (serve these paths under baseUrl). */
  get urls() {
    const b = this.index.baseUrl;
    return {
      issuingCrl: `${b}/crl/issuing.crl`,
      issuingDeltaCrl: `${b}/crl/issuing-delta.crl`,
      rootCrl: `${b}/crl/root.crl`,
      ocsp: `${b}/ocsp`,
      issuingCert: `${b}/ca/issuing.cer`,
      rootCert: `${b}/ca/root.cer`,
    };
  }

  /** Creates a new CA (root, issuing CA, OCSP responder); persists to `dir` when given. */
  static async create(opts: TestCaCreateOptions): Promise<TestCA> {
    if (opts.dir && hasCa(opts.dir))
      throw new TestCaError('ca_state', `a test CA already exists in ${opts.dir}`);
    const keySize = opts.keySize ?? 2048;
    const baseUrl = opts.baseUrl.replace(/\/+$/, '');
    if (!/^https?:\/\//.test(baseUrl)) throw new TestCaError('bad_input', 'baseUrl must be an http(s) URL');
    const now = opts.now ?? new Date();
    const [rootKeys, issuingKeys, ocspKeys] = await Promise.all([
      opts.keys?.root ?? generateRsaKeyPair(keySize),
      opts.keys?.issuing ?? generateRsaKeyPair(keySize),
      opts.keys?.ocsp ?? generateRsaKeyPair(2048),
    ]);
    const urls = {
      rootCrl: `${baseUrl}/crl/root.crl`,
      rootCert: `${baseUrl}/ca/root.cer`,
      issuingCert: `${baseUrl}/ca/issuing.cer`,
    };
    const caUsage: KeyUsageSpec = { digitalSignature: true, keyCertSign: true, cRLSign: true };
    // CA validity is backdated so that tests can issue already-expired leaves under a valid CA.
    const rootCert = await buildCertificate({
      subject: caSubjectName(ROOT_CN),
      subjectKey: rootKeys.publicKey,
      issuerName: caSubjectName(ROOT_CN),
      issuerKey: rootKeys.privateKey,
      notBefore: new Date(now.getTime() - 5 * YEAR),
      notAfter: new Date(now.getTime() + 20 * YEAR),
      basicConstraints: { ca: true },
      keyUsage: caUsage,
    });
    const issuingCert = await buildCertificate({
      subject: caSubjectName(ISSUING_CN),
      subjectKey: issuingKeys.publicKey,
      issuerName: rootCert.subjectDer,
      issuerKey: rootKeys.privateKey,
      issuerSki: rootCert.ski,
      notBefore: new Date(now.getTime() - 5 * YEAR),
      notAfter: new Date(now.getTime() + 10 * YEAR),
      basicConstraints: { ca: true, pathLength: 0 },
      keyUsage: caUsage,
      crlUrls: [urls.rootCrl],
      caIssuersUrls: [urls.rootCert],
    });
    const ocspCert = await buildCertificate({
      subject: caSubjectName(OCSP_CN),
      subjectKey: ocspKeys.publicKey,
      issuerName: issuingCert.subjectDer,
      issuerKey: issuingKeys.privateKey,
      issuerSki: issuingCert.ski,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + 2 * YEAR),
      basicConstraints: { ca: false },
      keyUsage: { digitalSignature: true, nonRepudiation: true },
      ekus: [EKU.ocspSigning],
      ocspNoCheck: true,
      caIssuersUrls: [urls.issuingCert],
    });
    const index: CaIndex = {
      version: 1,
      baseUrl,
      keySize,
      createdAt: now.toISOString(),
      crl: { root: { number: 0 }, issuing: { number: 0 } },
      issued: [record(issuingCert, 'ca', 'root'), record(ocspCert, 'ocsp', 'issuing')],
    };
    const root = bundleOf(rootCert, rootKeys.privateKey, []);
    const issuing = bundleOf(issuingCert, issuingKeys.privateKey, [rootCert]);
    const ocsp = bundleOf(ocspCert, ocspKeys.privateKey, [issuingCert, rootCert]);
    const ca = new TestCA(opts.dir, index, root, issuing, ocsp);
    if (opts.dir) ca.persistAll();
    return ca;
  }

  /** Loads a CA persisted by `create({dir})`. */
  static load(dir: string): TestCA {
    if (!hasCa(dir)) throw new TestCaError('ca_state', `no test CA in ${dir} (run ca init first)`);
    const index = readIndex(dir);
    const load = (certFile: string, keyFile: string) => ({
      cert: parseCertificate(readText(dir, certFile)),
      key: createPrivateKey(readText(dir, keyFile)),
    });
    const r = load(FILES.rootCert, FILES.rootKey);
    const i = load(FILES.issuingCert, FILES.issuingKey);
    const o = load(FILES.ocspCert, FILES.ocspKey);
    const ca = new TestCA(
      dir,
      index,
      bundleOf(r.cert, r.key, []),
      bundleOf(i.cert, i.key, [r.cert]),
      bundleOf(o.cert, o.key, [i.cert, r.cert]),
    );
    ca.indexReadAt = indexMtime(dir);
    return ca;
  }

  /** Loads the CA in `dir`, or creates it there. */
  static async open(opts: TestCaCreateOptions & { dir: string }): Promise<TestCA> {
    return hasCa(opts.dir) ? TestCA.load(opts.dir) : TestCA.create(opts);
  }

  /** Root and issuing CA certificates, root last. */
  get caCertificates(): ParsedCertificate[] {
    return [this.issuing.certificate, this.root.certificate];
  }

  /** Issues an NCA-profile AUTH and SIGN pair for a template. */
  async issue(opts: IssueOptions): Promise<IssuedPair> {
    const templateName = opts.template;
    if (!isTemplateName(templateName)) {
      throw new TestCaError(
        'unknown_template',
        `unknown template "${templateName}"; use one of ${TEMPLATE_NAMES.join(', ')}`,
      );
    }
    const def = TEMPLATES[templateName];
    if (!isValidIin(opts.iin)) throw new TestCaError('invalid_identifier', `invalid IIN "${opts.iin}"`);
    let bin: string | undefined;
    if (def.legalEntity) {
      bin = opts.bin ?? (def.binFromIin ? opts.iin : undefined);
      if (!bin) throw new TestCaError('bad_input', `template "${templateName}" needs a BIN`);
      const ok = def.binFromIin ? isValidBinOrIin(bin) : isValidBin(bin);
      if (!ok) throw new TestCaError('invalid_identifier', `invalid BIN "${bin}"`);
      if (!opts.org && !def.binFromIin)
        throw new TestCaError('bad_input', `template "${templateName}" needs --org`);
    } else if (opts.bin !== undefined) {
      throw new TestCaError('bad_input', `template "${templateName}" takes no BIN`);
    }
    if (!opts.surname.trim() || !opts.firstName.trim()) {
      throw new TestCaError('bad_input', 'surname and first name are required');
    }
    const subject: SubjectFields = {
      commonName: `${opts.surname} ${opts.firstName}`,
      surname: opts.surname,
      iin: opts.iin,
      locality: opts.locality,
      state: opts.state,
      organization: def.legalEntity ? (opts.org ?? `ИП ${opts.surname} ${opts.firstName}`) : undefined,
      bin,
      patronymic: opts.patronymic,
      email: opts.email,
    };
    const authKeys = opts.keyPair ?? (await generateRsaKeyPair(2048));
    const signKeys = opts.signKeyPair ?? opts.keyPair ?? (await generateRsaKeyPair(2048));
    const now = Date.now();
    const notBefore = opts.notBefore ?? new Date(now - 60_000);
    const notAfter = opts.notAfter ?? new Date(Math.max(now, notBefore.getTime()) + YEAR);
    const make = async (purpose: Purpose, keys: KeyPair) => {
      const p = purposeProfile(def, purpose);
      const cert = await buildCertificate({
        ...this.leafSpecBase(),
        subject: ncaSubjectName(subject),
        subjectKey: keys.publicKey,
        notBefore,
        notAfter,
        basicConstraints: null,
        keyUsage: p.keyUsage,
        ekus: p.ekus,
        policies: [p.policy],
      });
      this.index.issued.push(record(cert, templateName, 'issuing', purpose));
      return bundleOf(cert, keys.privateKey, this.caCertificates);
    };
    this.refresh();
    const auth = await make('AUTH', authKeys);
    const sign = await make('SIGN', signKeys);
    this.persistIndex();
    return { auth, sign };
  }

  /** A pair that expired `daysAgo` days ago (valid for a year before that). */
  issueExpired(opts: Omit<IssueOptions, 'notBefore' | 'notAfter'>, daysAgo = 30): Promise<IssuedPair> {
    const notAfter = new Date(Date.now() - daysAgo * DAY);
    return this.issue({ ...opts, notBefore: new Date(notAfter.getTime() - YEAR), notAfter });
  }

  /** A pair whose validity starts `daysAhead` days from now. */
  issueNotYetValid(opts: Omit<IssueOptions, 'notBefore' | 'notAfter'>, daysAhead = 30): Promise<IssuedPair> {
    const notBefore = new Date(Date.now() + daysAhead * DAY);
    return this.issue({ ...opts, notBefore, notAfter: new Date(notBefore.getTime() + YEAR) });
  }

  /**
   * Issues any certificate, for tests of refusals: no EKU, an end-entity "intermediate" that
   * signs a leaf (pass its bundle as `issuer`), a self-signed look-alike of the CA
   * (`subject: ca.issuing.certificate.subjectDer, issuer: 'self'`), expired ones…
   */
  async issueCustom(opts: CustomIssueOptions = {}): Promise<KeyBundle> {
    const keys = opts.keyPair ?? (await generateRsaKeyPair(2048));
    const subject = isSubjectFields(opts.subject)
      ? ncaSubjectName(opts.subject)
      : (opts.subject ?? caSubjectName('tereze TEST custom'));
    const issuerRef = opts.issuer ?? 'issuing';
    let issuer: KeyBundle | null;
    if (issuerRef === 'self') issuer = null;
    else if (issuerRef === 'root') issuer = this.root;
    else if (issuerRef === 'issuing') issuer = this.issuing;
    else issuer = issuerRef;
    const withUrls = opts.urls ?? (issuerRef === 'root' || issuerRef === 'issuing');
    const now = Date.now();
    const urls = this.urls;
    const spec: CertificateSpec = {
      subject,
      subjectKey: keys.publicKey,
      issuerName: issuer ? issuer.certificate.subjectDer : subject,
      issuerKey: issuer ? issuer.privateKey : keys.privateKey,
      issuerSki: opts.omitAki || !issuer ? undefined : issuer.certificate.ski,
      serialNumber: opts.serialNumber,
      notBefore: opts.notBefore ?? new Date(now - 60_000),
      notAfter: opts.notAfter ?? new Date(now + YEAR),
      basicConstraints: opts.basicConstraints === undefined ? null : opts.basicConstraints,
      keyUsage:
        opts.keyUsage === undefined ? { digitalSignature: true, nonRepudiation: true } : opts.keyUsage,
      ekus: opts.ekus,
      ekusCritical: opts.ekusCritical,
      policies: opts.policies,
      sanEmails: opts.sanEmails,
      ocspNoCheck: opts.ocspNoCheck,
      omitSki: opts.omitSki,
      ...(withUrls && issuerRef === 'issuing'
        ? {
            crlUrls: [urls.issuingCrl],
            deltaCrlUrls: [urls.issuingDeltaCrl],
            ocspUrls: [urls.ocsp],
            caIssuersUrls: [urls.issuingCert],
          }
        : {}),
      ...(withUrls && issuerRef === 'root'
        ? { crlUrls: [urls.rootCrl], caIssuersUrls: [urls.rootCert] }
        : {}),
    };
    const cert = await buildCertificate(spec);
    if (issuerRef === 'root' || issuerRef === 'issuing') {
      this.refresh();
      this.index.issued.push(record(cert, opts.label ?? 'custom', issuerRef));
      this.persistIndex();
    }
    const chain = issuer ? [issuer.certificate, ...issuer.chain] : [];
    return bundleOf(cert, keys.privateKey, chain);
  }

  /** The two NCA-named .p12 files of a pair: AUTH_RSA256_<SKI>.p12 and RSA256_<SKI>.p12. */
  p12Files(bundles: IssuedPair | KeyBundle[], password: string): P12File[] {
    return p12Files(bundles, password);
  }

  /** Every certificate the CA has issued (records from index.json). */
  records(): IssuedRecord[] {
    this.refresh();
    return this.index.issued.map((r) => ({ ...r }));
  }

  findRecord(serialHex: string): IssuedRecord | undefined {
    this.refresh();
    const serial = normalizeSerialInput(serialHex);
    return this.index.issued.find((r) => r.serial === serial);
  }

  /** Revokes a certificate issued by the root or the issuing CA. */
  revoke(serialHex: string, reason: RevocationReason = 'unspecified', time: Date = new Date()): IssuedRecord {
    this.refresh();
    const serial = normalizeSerialInput(serialHex);
    const rec = this.index.issued.find((r) => r.serial === serial);
    if (!rec)
      throw new TestCaError(
        'unknown_serial',
        `no certificate with serial ${serialHex} was issued by this CA`,
      );
    if (rec.status !== 'revoked') {
      rec.status = 'revoked';
      rec.revokedAt = time.toISOString();
      rec.recordedAt = new Date().toISOString();
      rec.reason = reason;
      this.persistIndex();
    }
    return { ...rec };
  }

  /**
   * A signed DER CRL of the issuing CA (default) or the root; full CRLs of the issuing CA
   * point at the delta CRL (freshestCRL). Advances and persists the CRL number.
   */
  async crl(opts: Partial<CrlOptions> = {}): Promise<Uint8Array> {
    this.refresh();
    const which = opts.which ?? 'issuing';
    const issuer = which === 'root' ? this.root : this.issuing;
    const der = await buildCrl(this.index, issuer, {
      ...opts,
      which,
      freshestCrlUrl: which === 'issuing' ? this.urls.issuingDeltaCrl : undefined,
    });
    this.persistIndex();
    return der;
  }

  /** RFC 6960 responder: DER OCSPRequest → DER OCSPResponse (never throws on bad input). */
  async handleOcsp(
    requestDer: Uint8Array,
    now?: Date,
    opts: Omit<OcspOptions, 'now'> = {},
  ): Promise<Uint8Array> {
    this.refresh();
    return answerOcsp(
      requestDer,
      this.index,
      [
        { ref: 'issuing', ca: this.issuing.certificate, responder: this.ocspResponder },
        { ref: 'root', ca: this.root.certificate, responder: this.root },
      ],
      { ...opts, now },
    );
  }

  /** Re-reads index.json when another process (the CLI) changed it. */
  refresh(): void {
    if (!this.dir) return;
    const mtime = indexMtime(this.dir);
    if (mtime !== this.indexReadAt) {
      this.index = readIndex(this.dir);
      this.indexReadAt = mtime;
    }
  }

  /** @internal */
  persistIndex(): void {
    if (!this.dir) return;
    writeIndex(this.dir, this.index);
    this.indexReadAt = indexMtime(this.dir);
  }

  private persistAll(): void {
    const dir = this.dir!;
    ensureDir(dir);
    const cert = (name: string, c: ParsedCertificate) =>
      writeAtomic(join(dir, name), encodePem('CERTIFICATE', c.der));
    const key = (name: string, k: KeyObject) => writeAtomic(join(dir, name), privateKeyToPem(k), 0o600);
    cert(FILES.rootCert, this.root.certificate);
    key(FILES.rootKey, this.root.privateKey);
    cert(FILES.issuingCert, this.issuing.certificate);
    key(FILES.issuingKey, this.issuing.privateKey);
    cert(FILES.ocspCert, this.ocspResponder.certificate);
    key(FILES.ocspKey, this.ocspResponder.privateKey);
    this.persistIndex();
  }

  private leafSpecBase() {
    const urls = this.urls;
    return {
      issuerName: this.issuing.certificate.subjectDer,
      issuerKey: this.issuing.privateKey,
      issuerSki: this.issuing.certificate.ski,
      crlUrls: [urls.issuingCrl],
      deltaCrlUrls: [urls.issuingDeltaCrl],
      ocspUrls: [urls.ocsp],
      caIssuersUrls: [urls.issuingCert],
    };
  }
}

function normalizeSerialInput(hex: string): string {
  const h = hex.trim().replace(/^0x/i, '').replace(/[\s:]/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(h)) throw new TestCaError('bad_input', `"${hex}" is not a hex serial number`);
  return parseSerial(h);
}

function parseSerial(h: string): string {
  let s = h.length % 2 ? `0${h}` : h;
  while (s.length > 2 && s.startsWith('00')) s = s.slice(2);
  return s;
}

function record(
  cert: ParsedCertificate,
  template: string,
  issuer: IssuerRef,
  purpose?: Purpose,
): IssuedRecord {
  return {
    serial: cert.serialNumber,
    template,
    ...(purpose ? { purpose } : {}),
    issuer,
    subjectDn: cert.subjectDn,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    fingerprint: cert.fingerprint,
    status: 'good',
    pem: encodePem('CERTIFICATE', cert.der),
  };
}

function purposeOf(bundle: KeyBundle): Purpose {
  return bundle.certificate.ekus.includes(EKU.clientAuth) ? 'AUTH' : 'SIGN';
}

/** NCA file names: AUTH_RSA256_<SKI>.p12 for the AUTH key, RSA256_<SKI>.p12 for the SIGN key. */
export function p12FileName(bundle: KeyBundle): string {
  const ski = bundle.certificate.ski ?? bundle.certificate.fingerprint.slice(0, 40);
  return purposeOf(bundle) === 'AUTH' ? `AUTH_RSA256_${ski}.p12` : `RSA256_${ski}.p12`;
}

export function p12Files(bundles: IssuedPair | KeyBundle[], password: string): P12File[] {
  const list = Array.isArray(bundles) ? bundles : [bundles.auth, bundles.sign];
  return list.map((b) => ({
    fileName: p12FileName(b),
    der: writePkcs12(b, password),
    purpose: purposeOf(b),
  }));
}
