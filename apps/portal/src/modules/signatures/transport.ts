import type { FastifyInstance } from 'fastify';

/**
 * The HTTP transport of OCSP and CRL requests. Requests to the portal's own `/pki/` (DEMO: the test CA's
 * OCSP responder and CRLs, whose URLs the certificates carry) are answered in-process through `app.inject` —
 * no socket, so tests and a portal behind a proxy that cannot reach its own PUBLIC_URL work the same; every
 * other URL (the real NCA OCSP/CRL) goes over the network with `fallback`.
 */
export function selfRoutingFetch(
  app: FastifyInstance,
  publicUrl: string,
  fallback: typeof fetch = globalThis.fetch,
): typeof fetch {
  const prefix = `${publicUrl.replace(/\/+$/, '')}/pki/`;
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(prefix)) return fallback(input, init);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => {
      headers[k] = v;
    });
    const body = init?.body;
    const payload =
      body == null
        ? undefined
        : typeof body === 'string'
          ? body
          : body instanceof ArrayBuffer
            ? Buffer.from(body)
            : ArrayBuffer.isView(body)
              ? Buffer.from(body.buffer, body.byteOffset, body.byteLength)
              : Buffer.from(await new Response(body as BodyInit).arrayBuffer());
    const res = await app.inject({
      method: method as 'GET' | 'POST',
      url: url.slice(publicUrl.replace(/\/+$/, '').length),
      headers,
      payload,
    });
    const responseHeaders = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
      if (v !== undefined) responseHeaders.set(k, Array.isArray(v) ? v.join(', ') : String(v));
    }
    return new Response(res.statusCode === 204 ? null : new Uint8Array(res.rawPayload), {
      status: res.statusCode,
      headers: responseHeaders,
    });
  }) as typeof fetch;
}
