import fs from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
const dir = '/work/shared/standards/contexts/';
const index = JSON.parse(fs.readFileSync(dir + 'index.json'));
const contexts = {};
for (const [url, file] of Object.entries(index)) contexts[url] = JSON.parse(fs.readFileSync(dir + file));
const documentLoader = async url => {
  if (contexts[url]) return {contextUrl: null, documentUrl: url, document: contexts[url]};
  const [did, frag] = url.split('#');
  const mk = did.slice(8);
  const vm = {id: did + '#' + mk, type: 'Multikey', controller: did, publicKeyMultibase: mk};
  if (frag) return {contextUrl: null, documentUrl: url, document: {'@context': 'https://w3id.org/security/multikey/v1', ...vm}};
  return {contextUrl: null, documentUrl: url, document: {'@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: did, verificationMethod: [vm], assertionMethod: [vm.id]}};
};
const unsigned = JSON.parse(fs.readFileSync(process.argv[2]));
const kp = await Ed25519Multikey.generate({seed: Buffer.from('c96ef9ea10c5e414c471723aff9de72c35fa5b70fae97e8832ecac7d2e2b8ed6', 'hex')});
const did = 'did:key:' + kp.publicKeyMultibase;
kp.id = did + '#' + kp.publicKeyMultibase; kp.controller = did;
delete unsigned.issuer.id; unsigned.issuer.id = did;
const N = +process.argv[3] || 300;
let signed;
for (const [name, fn] of [
  ['sign', async () => { const s = new DataIntegrityProof({signer: kp.signer(), cryptosuite}); signed = await vc.issue({credential: structuredClone(unsigned), suite: s, documentLoader}); }],
  ['verify', async () => { const r = await vc.verifyCredential({credential: signed, suite: new DataIntegrityProof({cryptosuite}), documentLoader}); if (!r.verified) throw new Error(JSON.stringify(r.error)); }],
]) {
  for (let i = 0; i < 20; i++) await fn();
  const c0 = process.cpuUsage(), t0 = performance.now();
  for (let i = 0; i < N; i++) await fn();
  const t = performance.now() - t0, c = process.cpuUsage(c0);
  console.log(`${name}: wall ${(t / N * 1000).toFixed(0)} µs/op (${(N / t * 1000).toFixed(0)}/s), cpu ${((c.user + c.system) / N).toFixed(0)} µs/op (${(1e6 / ((c.user + c.system) / N)).toFixed(0)}/s)`);
}
