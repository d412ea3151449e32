"""QR payloads: the codecs Kredo writes and reads, and reading codes from images and PDFs.

Core, no Qt: the GUI's camera hands frames to the same functions the CLI uses.

- ``compact``: ``KR1:`` + Base45(zlib(bytes)), one code (``base45``, ``zlib_stream``).
- ``ur``, ``fountain``, ``bytewords``, ``xoshiro``: BC-UR multi-part frames.
- ``decode``: image bytes or a PIL image → every QR text in it; ``pdf``: pages and attachments.
- ``payload``: what a scanned text is; ``assemble``: multi-part frames → message; ``scan``: files.

The formats are written down in ``docs/qr-format.md``.
"""
