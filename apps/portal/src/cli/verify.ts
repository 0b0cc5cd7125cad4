/**
 * `tereze verify --in SIG.cms [--data DATA] [--trust CA.pem …] [--purpose login|document]
 * [--revocation off|ocsp|crl|ocsp+crl]`: prints the JSON verification report; exit code 0 only
 * when the signature is valid.
 */
import { readFileSync } from 'node:fs';
import {
  createRevocationChecker,
  decodePemAll,
  type ParsedCertificate,
  parseCertificate,
  type RevocationPolicy,
  type VerificationReport,
  verifyCms,
} from '@tereze/pki';
import { type Command, Option } from 'commander';

export type Log = (line: string) => void;

/** Every certificate in a PEM bundle or a single DER / PEM file. */
export function readCertificates(file: string): ParsedCertificate[] {
  const bytes = new Uint8Array(readFileSync(file));
  const text = Buffer.from(bytes).toString('latin1');
  const pems = decodePemAll(text, 'CERTIFICATE');
  if (pems.length > 0) return pems.map((der) => parseCertificate(der));
  return [parseCertificate(bytes)];
}

interface VerifyCliOptions {
  in: string;
  data?: string;
  trust?: string[];
  purpose: 'login' | 'document';
  revocation: RevocationPolicy;
  softFail?: boolean;
  expectedIin?: string;
  expectedBin?: string;
  engine: 'fast' | 'reference';
  aia?: boolean;
}

/** The CLI output: the verdict first, the signer in words, then the full report. */
export function summarise(report: VerificationReport) {
  return {
    valid: report.valid,
    failedCheck: report.failedCheck,
    signers: report.signers.map((s) => ({
      valid: s.valid,
      iin: s.profile?.iin,
      bin: s.profile?.bin,
      name: s.profile?.commonName,
      organization: s.profile?.organization,
      purpose: s.profile?.purpose,
      roles: s.profile?.roles,
      policies: s.certificate?.policies,
      subjectDn: s.certificate?.subjectDn,
      issuerDn: s.certificate?.issuerDn,
      serialNumber: s.certificate?.serialNumber,
      signingTime: s.signingTime,
      verificationTime: s.verificationTime,
      timeSource: s.timeSource,
      checks: s.checks,
    })),
    checks: report.checks,
    engine: report.engine,
  };
}

export function registerVerifyCommand(program: Command, log: Log = console.log): void {
  program
    .command('verify')
    .description(
      'Verify a CMS signature (PEM, base64 or DER) and print a JSON report; exit 0 only when valid',
    )
    .requiredOption('--in <file>', 'the CMS signature')
    .option('--data <file>', 'the signed data, for a detached signature')
    .option('--trust <files...>', 'trusted root / intermediate certificates (PEM bundles or DER)')
    .addOption(
      new Option('--purpose <purpose>', 'login (AUTH key) or document (SIGN key)')
        .choices(['login', 'document'])
        .default('document'),
    )
    .addOption(
      new Option('--revocation <policy>', 'revocation check')
        .choices(['off', 'ocsp', 'crl', 'ocsp+crl'])
        .default('ocsp+crl'),
    )
    .option('--soft-fail', 'accept when OCSP/CRL are unreachable (the report says so)')
    .option('--expected-iin <iin>', 'the IIN the signer must have')
    .option('--expected-bin <bin>', 'the BIN the signer must have')
    .option('--aia', 'download missing intermediates from AIA caIssuers URLs')
    .addOption(
      new Option('--engine <engine>', 'verification engine').choices(['fast', 'reference']).default('fast'),
    )
    .action(async (opts: VerifyCliOptions) => {
      const cms = new Uint8Array(readFileSync(opts.in));
      const trusted = (opts.trust ?? []).flatMap(readCertificates);
      // Self-signed certificates are anchors; the rest help build the path.
      const selfSigned = (c: ParsedCertificate) => Buffer.compare(c.subjectDer, c.issuerDer) === 0;
      const anchors = trusted.filter(selfSigned);
      const report = await verifyCms(cms, {
        trustAnchors: anchors.length > 0 ? anchors : trusted,
        intermediates: trusted.filter((c) => !selfSigned(c)),
        purpose: opts.purpose,
        data: opts.data ? new Uint8Array(readFileSync(opts.data)) : undefined,
        expectedIin: opts.expectedIin,
        expectedBin: opts.expectedBin,
        revocation:
          opts.revocation === 'off'
            ? 'off'
            : createRevocationChecker({ policy: opts.revocation, failMode: opts.softFail ? 'soft' : 'hard' }),
        fetchAia: opts.aia === true,
        engine: opts.engine,
      });
      log(JSON.stringify(summarise(report), null, 2));
      process.exitCode = report.valid ? 0 : 1;
    });
}
