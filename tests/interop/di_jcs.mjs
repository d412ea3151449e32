// Sign and verify eddsa-jcs-2022 and ecdsa-jcs-2019 credentials with Digital Bazaar's
// reference cryptosuites, offline, for the interop tests with Kredo
// (tests/interop/test_di_jcs.py).
//
// usage: node di_jcs.mjs CASES.json
// CASES.json: {"sign":   {"name": {"suite": "eddsa-jcs-2022" | "ecdsa-jcs-2019",
//                                   "curve": "Ed25519" | "P-256" | "P-384",
//                                   "credential": {...}}, ...},
//              "verify": {"name": {"suite": ..., "credential": {...signed...}}, ...}}
// prints {"signed": {"name": {...}}, "verified": {"name": {"verified": bool, "error": ...}}}
//
// Each signing case gets a fresh key pair; the credential's issuer becomes that key's
// did:key. JSON-LD contexts come from the npm context packages, never from the network.
import {readFileSync} from 'node:fs';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import * as eddsaJcs2022 from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as ecdsaJcs2019 from '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {driver as didKeyDriver} from '@digitalbazaar/did-method-key';
import {securityLoader} from '@digitalbazaar/security-document-loader';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const SUITES = {'eddsa-jcs-2022': eddsaJcs2022, 'ecdsa-jcs-2019': ecdsaJcs2019};

const didKey = didKeyDriver();
didKey.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});
didKey.use({multibaseMultikeyHeader: 'zDna', fromMultibase: EcdsaMultikey.from});
didKey.use({multibaseMultikeyHeader: 'z82L', fromMultibase: EcdsaMultikey.from});

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

const message = error => error ? String(error.message || error).slice(0, 400) : null;

async function signed({suite, curve, credential}) {
  const keyPair = curve === 'Ed25519' ?
    await Ed25519Multikey.generate() : await EcdsaMultikey.generate({curve});
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  const unsigned = structuredClone(credential);
  unsigned.issuer = did;
  const proof = new DataIntegrityProof({
    signer: keyPair.signer(), cryptosuite: SUITES[suite].createSignCryptosuite()
  });
  return vc.issue({credential: unsigned, suite: proof, documentLoader});
}

async function verified({suite, credential}) {
  const proof = new DataIntegrityProof({
    cryptosuite: SUITES[suite].createVerifyCryptosuite()
  });
  try {
    const result = await vc.verifyCredential({credential, suite: proof, documentLoader});
    return {
      verified: result.verified === true,
      error: message(result.error || result.results?.find(r => !r.verified)?.error)
    };
  } catch(error) {
    return {verified: false, error: message(error)};
  }
}

const output = {signed: {}, verified: {}};
for(const [name, job] of Object.entries(cases.sign || {})) {
  output.signed[name] = await signed(job);
}
for(const [name, job] of Object.entries(cases.verify || {})) {
  output.verified[name] = await verified(job);
}
process.stdout.write(JSON.stringify(output));
