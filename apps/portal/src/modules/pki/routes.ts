import type { TestCA } from '@tereze/pki/test-ca';
import type { FastifyInstance } from 'fastify';

const DER = 'application/pkix-cert';

/**
 * DEMO mode: the test CA's publication points under /pki — CRLs, CA certificates and the OCSP responder
 * (RFC 6960: POST a DER request, or GET /pki/ocsp/<base64 request>). The URLs are the ones the CA writes
 * into its certificates. Outside DEMO, the real NCA endpoints play this part.
 */
export function registerDemoPkiRoutes(app: FastifyInstance, getCa: () => TestCA | undefined) {
  const ca = () => {
    const c = getCa();
    if (!c) throw Object.assign(new Error('test CA not ready'), { statusCode: 503 });
    return c;
  };
  app.addContentTypeParser(
    ['application/ocsp-request'],
    { parseAs: 'buffer', bodyLimit: 64 * 1024 },
    (_req, body, done) => done(null, body),
  );

  const hide = { schema: { hide: true } };
  const crls: Record<string, { which: 'issuing' | 'root'; delta?: boolean }> = {
    'issuing.crl': { which: 'issuing' },
    'issuing-delta.crl': { which: 'issuing', delta: true },
    'root.crl': { which: 'root' },
  };
  app.get<{ Params: { name: string } }>('/pki/crl/:name', hide, async (req, reply) => {
    const spec = crls[req.params.name];
    if (!spec) return reply.callNotFound();
    return reply.type('application/pkix-crl').send(Buffer.from(await ca().crl(spec)));
  });
  app.get<{ Params: { name: string } }>('/pki/ca/:name', hide, async (req, reply) => {
    const c = ca();
    const cert = { 'issuing.cer': c.issuing, 'root.cer': c.root }[req.params.name];
    if (!cert) return reply.callNotFound();
    return reply.type(DER).send(Buffer.from(cert.certificate.der));
  });
  app.post('/pki/ocsp', hide, async (req, reply) => {
    const body = req.body;
    if (!Buffer.isBuffer(body)) return reply.code(415).send();
    return reply.type('application/ocsp-response').send(Buffer.from(await ca().handleOcsp(body)));
  });
  app.get<{ Params: { request: string } }>('/pki/ocsp/:request', hide, async (req, reply) => {
    const der = Buffer.from(decodeURIComponent(req.params.request), 'base64');
    return reply.type('application/ocsp-response').send(Buffer.from(await ca().handleOcsp(der)));
  });
}
