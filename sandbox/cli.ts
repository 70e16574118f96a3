/**
 * `npm run sandbox`: starts the sandbox on SANDBOX_PORT (default 4010) with
 * the reference portal, fresh in memory. SANDBOX_TOKEN sets the full-access
 * token (default `sandbox-token`); SANDBOX_HTTPS=1 serves HTTPS with a
 * generated self-signed certificate (written to .sandbox-certs/ so a browser
 * or test can trust it); SANDBOX_HOST sets the interface (default 127.0.0.1).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCertificate, startSandbox } from './index';

function port(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 4010;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`SANDBOX_PORT must be a port number (0–65535), got "${raw}"`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const token = process.env.SANDBOX_TOKEN || 'sandbox-token';
  let tls: { key: string; cert: string } | undefined;
  if (process.env.SANDBOX_HTTPS === '1') {
    tls = makeCertificate([]);
    const dir = join(process.cwd(), '.sandbox-certs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'cert.pem'), tls.cert);
    writeFileSync(join(dir, 'key.pem'), tls.key, { mode: 0o600 });
    console.log(`Certificate: ${join(dir, 'cert.pem')} (self-signed; SANs app.hubspot.com, app-eu1.hubspot.com, api.hubapi.com, localhost, 127.0.0.1)`);
  }
  const sandbox = await startSandbox({ port: port(process.env.SANDBOX_PORT), host: process.env.SANDBOX_HOST || '127.0.0.1', token, https: tls });
  const proto = tls ? 'https' : 'http';
  const portalId = sandbox.state.account.portalId;
  console.log(`HubSpot sandbox (portal ${portalId})`);
  console.log(`  API:   ${sandbox.url}`);
  console.log(`  App:   ${proto}://app.localhost:${sandbox.port}/  (any Host starting with "app." or "app-eu1." gets the app pages; e.g. map app.hubspot.com to 127.0.0.1:${sandbox.port})`);
  console.log(`  Token: ${token}  (Authorization: Bearer ${token})`);
  console.log(`  Control: ${sandbox.url}/__sandbox/{reset,faults,log,counters,clock}`);
  const stop = () => {
    sandbox.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`Sandbox failed to start: ${(e as Error).message}`);
  process.exit(1);
});
