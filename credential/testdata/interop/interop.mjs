// Cross-check with Digital Bazaar's reference stack: verify credentials signed
// by `pokot sign`, and sign a credential for `pokot verify`.
import fs from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

const dir = '/work/shared/standards/contexts/';
const index = JSON.parse(fs.readFileSync(dir + 'index.json'));
const contexts = {};
for (const [url, file] of Object.entries(index)) contexts[url] = JSON.parse(fs.readFileSync(dir + file));

function didKeyDoc(did) {
  const mk = did.slice('did:key:'.length);
  const vm = {id: did + '#' + mk, type: 'Multikey', controller: did, publicKeyMultibase: mk};
  return {'@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did, verificationMethod: [vm], assertionMethod: [vm.id], authentication: [vm.id]};
}

const documentLoader = async url => {
  if (contexts[url]) return {contextUrl: null, documentUrl: url, document: contexts[url]};
  if (url.startsWith('did:key:')) {
    const [did, frag] = url.split('#');
    const doc = didKeyDoc(did);
    if (frag) return {contextUrl: null, documentUrl: url,
      document: {'@context': 'https://w3id.org/security/multikey/v1', ...doc.verificationMethod[0]}};
    return {contextUrl: null, documentUrl: url, document: doc};
  }
  throw new Error('no network: ' + url);
};

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'verify') {
  for (const f of args) {
    const credential = JSON.parse(fs.readFileSync(f));
    const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite});
    const r = await vc.verifyCredential({credential, suite, documentLoader, checkStatus: async () => ({verified: true})});
    console.log(f, r.verified ? 'VERIFIED' : 'NOT VERIFIED ' + JSON.stringify(r.error?.errors?.map(e => e.message) ?? r.error?.message ?? r));
  }
} else if (cmd === 'sign') {
  const [seedHex, inFile] = args;
  const seed = Buffer.from(seedHex, 'hex');
  const kp = await Ed25519Multikey.generate({seed});
  const did = 'did:key:' + kp.publicKeyMultibase;
  kp.id = did + '#' + kp.publicKeyMultibase;
  kp.controller = did;
  const credential = JSON.parse(fs.readFileSync(inFile));
  if (typeof credential.issuer === 'object' && !credential.issuer.id) credential.issuer.id = did;
  const suite = new DataIntegrityProof({signer: kp.signer(), cryptosuite: eddsaRdfc2022CryptoSuite});
  suite.date = '2026-01-28T14:00:00Z';
  const signed = await vc.issue({credential, suite, documentLoader});
  console.log(JSON.stringify(signed, null, 2));
}
