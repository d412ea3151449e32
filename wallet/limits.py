"""Caps that bound the time and memory any input can cost. Documented in docs/limits.md."""

from __future__ import annotations

# Reading one input file: a file on a stalled network share is given up after this long.
MAX_READ_SECONDS = 30
# A whole input file (credential, image carrying a baked badge, presentation). The largest
# real credentials seen are sealed EDCs of ~150 KB and baked badge PNGs of a few MB.
MAX_INPUT_BYTES = 16 * 1024 * 1024
# JSON nesting depth; real credentials stay below 30.
MAX_JSON_DEPTH = 256
# Credentials one presentation may carry.
MAX_CREDENTIALS_PER_PRESENTATION = 1000
# Bytes any decompression (zlib, gzip, PNG zTXt/iTXt) may produce.
MAX_INFLATED_BYTES = 16 * 1024 * 1024
# A single PNG chunk as declared in its header.
MAX_PNG_CHUNK_BYTES = 16 * 1024 * 1024
# PDFs read for QR codes and attached files (wallet/qr/pdf_streams.py): one stream decoded,
# all streams of one PDF decoded together, and the pixels of one image in it. pdfium decodes
# a stream whole and an image at full size before anything can look at them.
MAX_PDF_STREAM_BYTES = 32 * 1024 * 1024
MAX_PDF_DECODED_BYTES = 256 * 1024 * 1024
MAX_PDF_IMAGE_PIXELS = 25_000_000
