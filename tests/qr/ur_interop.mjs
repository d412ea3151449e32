// Reads {"frames": [...], "encode": {"hex": "...", "maxFragment": n, "parts": k}} on stdin and
// prints {"decoded": hex of the CBOR-unwrapped message or null, "percent": n, "parts": [...]}:
// what an independent BC-UR implementation makes of Kredo's frames, and frames it writes.
import bcur from '@ngraveio/bc-ur';

const { UR, UREncoder, URDecoder } = bcur;
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const decoder = new URDecoder();
for (const frame of request.frames) decoder.receivePart(frame);
const decoded = decoder.isSuccess() ? decoder.resultUR().decodeCBOR().toString('hex') : null;

const encoder = new UREncoder(
  UR.fromBuffer(Buffer.from(request.encode.hex, 'hex')), request.encode.maxFragment);
const parts = [];
for (let i = 0; i < request.encode.parts; i++) parts.push(encoder.nextPart());

process.stdout.write(JSON.stringify({
  decoded, percent: decoder.estimatedPercentComplete(), parts,
}));
