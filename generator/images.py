"""Contributor images (portal logos): checked by their content, published re-encoded.

A file's name says nothing about what it holds: ``logo.png`` may be an SVG
with ``<script>``, an HTML page or a decompression bomb. A logo is accepted
only when Pillow reads it as PNG, JPEG or WebP of a sane size, and what is
published is a fresh PNG encoded from its pixels, so no byte a contributor
chose (metadata, trailing data, a polyglot) reaches the site. SVG is refused:
it is a document that can run script on the portal's origin, and no
maintained SVG sanitiser is installed (see docs/design.md).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image

FORMATS = {"PNG": (".png",), "JPEG": (".jpg", ".jpeg"), "WEBP": (".webp",)}
MAX_SIDE = 4096


@dataclass(frozen=True)
class ImageProblem(Exception):
    ja: str
    en: str


# A logo is a small picture: larger files are refused before they are decoded.
MAX_LOGO_BYTES = 200 * 1024

def looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in head


def inspect(data: bytes, suffix: str) -> tuple[str, int, int]:
    """(format, width, height) of an acceptable raster image, else ImageProblem."""
    if suffix == ".svg" or looks_like_svg(data):
        raise ImageProblem(
            "SVG のロゴは使えません（SVG はスクリプトを含められ、ポータル上で実行されるおそれがあるため）。"
            "PNG・JPEG・WebP に変換して置き、branding の logo をそのファイル名にしてください",
            "SVG logos are not accepted (SVG can carry script); convert it to PNG, JPEG or WebP")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                fmt, (width, height) = image.format or "", image.size
                image.verify()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageProblem("画像として読めません。PNG・JPEG・WebP で保存し直してください",
                           f"not a readable image ({type(exc).__name__}); save it as PNG, JPEG or WebP") from None
    if fmt not in FORMATS:
        raise ImageProblem(f"画像の形式（{fmt}）は使えません。PNG・JPEG・WebP で保存してください",
                           f"image format {fmt} is not accepted; use PNG, JPEG or WebP")
    if suffix not in FORMATS[fmt]:
        raise ImageProblem(f"ファイル名は「{suffix}」ですが、中身は {fmt} 画像です。拡張子を {FORMATS[fmt][0]} にしてください",
                           f"the name says {suffix} but the content is {fmt}; rename it to {FORMATS[fmt][0]}")
    if width > MAX_SIDE or height > MAX_SIDE or width < 1 or height < 1:
        raise ImageProblem(f"画像の大きさ（{width}×{height}）が範囲外です（縦横 {MAX_SIDE} ピクセルまで）",
                           f"image size {width}x{height} is out of range (max {MAX_SIDE} px)")
    return fmt, width, height


def to_png(data: bytes) -> bytes:
    """A new PNG from the pixels only: nothing else of the original file survives."""
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P", "PA") else "RGB"
        pixels = image.convert(mode)
    clean = Image.new(mode, pixels.size)
    clean.paste(pixels)
    out = io.BytesIO()
    clean.save(out, format="PNG", optimize=False)
    return out.getvalue()
