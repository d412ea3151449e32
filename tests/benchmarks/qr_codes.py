"""QR codes: one OB 3.0 credential in one code, and the 150 KB EU sample as an animation."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from tests.benchmarks.report import Figure
from tests.benchmarks.verify_throughput import EDC_SAMPLE, data_integrity

SECTION = "QR codes"


def _median_ms(action: Callable[[], Any], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure() -> list[Figure]:
    from wallet.qr.decode import decode_image_bytes
    from wallet.qr.encode import encode_for_qr
    from wallet.qr.render import qr_png
    from wallet.qr.scan import scan_texts

    ob3 = data_integrity("eddsa-rdfc-2022", 1)[0]
    single = encode_for_qr(ob3)
    assert single.single
    png = qr_png(single.frames[0])
    assert decode_image_bytes(png) == [single.frames[0]]
    edc = EDC_SAMPLE.read_bytes()
    animation = encode_for_qr(edc)
    assert scan_texts(animation.frames).credentials[0].raw == edc
    return [
        Figure(SECTION, f"encode OB3 ({len(ob3):,} B) into one code", _median_ms(
            lambda: encode_for_qr(ob3), 20), "ms"),
        Figure(SECTION, "render that code as PNG", _median_ms(
            lambda: qr_png(single.frames[0]), 10), "ms"),
        Figure(SECTION, "decode that PNG (zxing-cpp)", _median_ms(
            lambda: decode_image_bytes(png), 10), "ms"),
        Figure(SECTION, f"encode EDC ({len(edc) // 1024} KB) into frames", _median_ms(
            lambda: encode_for_qr(edc), 5), "ms"),
        Figure(SECTION, "frames in the EDC animation loop", len(animation.frames), "frames"),
        Figure(SECTION, "assemble the EDC from its frames (texts)", _median_ms(
            lambda: scan_texts(animation.frames), 5), "ms"),
    ]
