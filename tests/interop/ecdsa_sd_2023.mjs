// Issue ecdsa-sd-2023 base proofs and derive selectively disclosed credentials from them with
// Digital Bazaar's reference cryptosuite, offline, for Kredo to verify
// (tests/interop/test_ecdsa_sd_2023.py).
//
// usage: node ecdsa_sd_2023.mjs CASES.json
// CASES.json: {"name": {"credential": {...}, "mandatoryPointers": [...],
//                       "selectivePointers": [...]}, ...}
// prints {"name": {"base": {...issuer's credential...}, "derived": {...holder's...}}}
//
// Each case gets a fresh P-256 key; the credential's issuer becomes its did:key.
import {readFileSync} from 'node:fs';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {
  createDiscloseCryptosuite, createSignCryptosuite
} from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import {driver as didKeyDriver} from '@digitalbazaar/did-method-key';
import {securityLoader} from '@digitalbazaar/security-document-loader';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));

const didKey = didKeyDriver();
didKey.use({multibaseMultikeyHeader: 'zDna', fromMultibase: EcdsaMultikey.from});

const loader = securityLoader();
for(const contexts of [dataIntegrityContext.contexts, multikeyContext.contexts]) {
  for(const [url, document] of contexts) {
    loader.addStatic(url, document);
  }
}
const staticLoader = loader.build();

async function documentLoader(url) {
  if(url.startsWith('did:key:')) {
    const document = await didKey.get({url});
    return {contextUrl: null, documentUrl: url, document};
  }
  if(url.startsWith('http://') || url.startsWith('https://')) {
    return staticLoader(url);  // bundled contexts only: an unknown URL fails, offline
  }
  throw new Error(`Refusing to load ${url}`);
}

const output = {};
for(const [name, job] of Object.entries(cases)) {
  const keyPair = await EcdsaMultikey.generate({curve: 'P-256'});
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  const unsigned = structuredClone(job.credential);
  unsigned.issuer = did;
  const base = await vc.issue({
    credential: unsigned,
    suite: new DataIntegrityProof({
      signer: keyPair.signer(),
      cryptosuite: createSignCryptosuite({mandatoryPointers: job.mandatoryPointers})
    }),
    documentLoader
  });
  const derived = await vc.derive({
    verifiableCredential: base,
    suite: new DataIntegrityProof({
      cryptosuite: createDiscloseCryptosuite({selectivePointers: job.selectivePointers})
    }),
    documentLoader
  });
  output[name] = {base, derived};
}
process.stdout.write(JSON.stringify(output));
