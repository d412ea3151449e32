// A real OpenID4VP 1.0 verifier for Kredo's tests: the OpenWallet Foundation's
// @openid4vc/openid4vp creates the authorization requests and parses the answers (state,
// client identifier, direct_post.jwt decryption); @sd-jwt/sd-jwt-vc checks SD-JWT VC
// presentations and their KB-JWT; the dcql library checks the answer against the query.
// Plain HTTP on 127.0.0.1 only; `node server.mjs PORT`.
//
//   POST /sessions            {client?: "x509_hash", response_mode?, enc?, dcql_query, x509?: {key_pem, x5c,
//                              dns}, tamper?} → {id, link, request_uri}
//   GET  /requests/:id        the request object (oauth-authz-req+jwt)
//   POST /requests/:id        the same, for request_uri_method=post: the wallet's
//                             wallet_metadata is parsed with the library's schema and its
//                             wallet_nonce goes into a freshly signed request object
//   POST /responses/:id       the wallet's answer (form: vp_token & state, or response)
//   GET  /sessions/:id        {fetched, answers: [{accepted, error?, form, checked?}]}
import { createHash, createPublicKey, randomBytes, verify as verifySignature } from 'node:crypto'
import { createServer } from 'node:http'

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
    const key = await importPKCS8(session.x509.key_pem, 'ES256')
    const jwt = await new CompactSign(Buffer.from(JSON.stringify(payload)))
      .setProtectedHeader(header).sign(key)
    return { jwt, signerJwk: await exportJWK(createPublicKey(session.x509.key_pem)) }
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
  const session = { id, fetched: 0, answers: [], x509: body.x509 }
  sessions.set(id, session)
  const responseHost = body.x509 ? `${body.x509.dns}:${port}` : `127.0.0.1:${port}`
  const responseUri = `http://${responseHost}/responses/${id}`
  const responseMode = body.response_mode ?? 'direct_post'
  const clientMetadata = { client_name: 'Example Employer (OpenWallet Foundation verifier)',
    vp_formats_supported: { 'dc+sd-jwt': { 'sd-jwt_alg_values': ['EdDSA', 'ES256'],
      'kb-jwt_alg_values': ['EdDSA', 'ES256'] }, jwt_vc_json: { alg_values: ['EdDSA', 'ES256'] } } }
  if (responseMode === 'direct_post.jwt') {
    const { publicKey, privateKey } = await generateKeyPair('ECDH-ES', { crv: 'P-256' })
    const publicJwk = { ...(await exportJWK(publicKey)), kid: `enc-${id}`, use: 'enc',
      alg: 'ECDH-ES' }
    session.encryption = { privateKey, publicJwk }
    clientMetadata.jwks = { keys: [publicJwk] }
    clientMetadata.encrypted_response_enc_values_supported = [body.enc ?? 'A128GCM']
  }
  const clientId = !body.x509 ? `redirect_uri:${responseUri}`
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
      jwtSigner: body.x509 ? { method: 'x5c', alg: 'ES256', x5c: body.x509.x5c }
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
        : await checkSdJwt(presentation, session.request))
    }
  }
  const result = DcqlPresentationResult.fromDcqlPresentation(presented, { dcqlQuery: query })
  if (!result.can_be_satisfied) throw new Error(`the DCQL query is not satisfied: ${JSON.stringify(result)}`)
  return { mode: parsed.jarm?.type ?? 'plain', presented }
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
  if (request.method === 'GET' && kind === 'sessions') {
    return reply(response, 200, { fetched: session.fetched, answers: session.answers,
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
