/**
 * Self-signed TLS certificates for serving the sandbox as app.hubspot.com /
 * api.hubapi.com over HTTPS (e2e with host-resolver rules). The key pair comes
 * from node:crypto (fast, native); node-forge (pure JS) builds and signs the
 * X.509 certificate, so nothing is downloaded and no openssl binary is needed.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

export const DEFAULT_CERT_HOSTS = ['app.hubspot.com', 'app-eu1.hubspot.com', 'api.hubapi.com', 'localhost', '127.0.0.1'];

export function makeSelfSignedCertificate(hosts: string[]): { key: string; cert: string } {
  const names = [...new Set([...hosts, ...DEFAULT_CERT_HOSTS])];
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  // Positive serial (leading byte < 0x80), as X.509 requires.
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 24 * 3600 * 1000);
  // Browsers reject leaf certificates valid for more than 398 days.
  cert.validity.notAfter = new Date(now + 365 * 24 * 3600 * 1000);
  const attrs = [{ name: 'commonName', value: names[0] ?? 'localhost' }, { name: 'organizationName', value: 'SOP Sidebar sandbox' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: names.map((n) => (isIP(n) ? { type: 7, ip: n } : { type: 2, value: n })),
    },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  return { key: privateKey, cert: forge.pki.certificateToPem(cert) };
}
