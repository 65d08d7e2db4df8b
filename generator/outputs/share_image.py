"""Share card (1200×630 PNG, Open Graph size) per portal and the site's icons, drawn with Pillow.

Text needs a Japanese font: Noto Sans CJK from Debian's fonts-noto-cjk. Without it the images are
drawn without text (never with empty boxes) and the build reports it (see `font_path`).
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..plan import Portal
from ..plan.present import DEFAULT_COLOUR

WIDTH, HEIGHT = 1200, 630
FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Bold.ttc",
)
JP_INDEX = 0  # face 0 of the .ttc is "Noto Sans CJK JP"
MISSING_FONT = ("日本語フォント（fonts-noto-cjk）が見つからないため、共有画像とアイコンを文字なしで作りました。"
                "apt-get install fonts-noto-cjk で入れてください (Japanese font missing: images have no text)")


@lru_cache(maxsize=1)
def font_path() -> str | None:
    return next((p for p in FONT_CANDIDATES if Path(p).is_file()), None)


def _font(size: int) -> ImageFont.FreeTypeFont | None:
    path = font_path()
    return ImageFont.truetype(path, size, index=JP_INDEX) if path else None


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    # Two brand colours and anti-aliased text fit a 64-colour palette: a quarter of the bytes and
    # several times faster than optimising a true-colour PNG. No metadata chunks: bytes follow pixels.
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(out, format="PNG")
    return out.getvalue()


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Fit `text` in `width` pixels: break at spaces first (みなと台信用金庫 / 新現役交流会), then,
    for a part still too long, by character (Japanese has no spaces between words)."""
    if draw.textlength(text, font=font) <= width:
        return [text]
    lines: list[str] = []
    for part in text.split():
        line = ""
        for ch in part:
            if draw.textlength(line + ch, font=font) > width and line:
                lines.append(line)
                line = ch
            else:
                line += ch
        if line:
            lines.append(line)
    return lines


def share_card(portal: Portal, tagline: str, demo_note: str | None) -> bytes:
    """The portal's name large on its colour, the model in a line, the demo note when demo data."""
    colour = portal.color or DEFAULT_COLOUR
    image = Image.new("RGB", (WIDTH, HEIGHT), colour)
    draw = ImageDraw.Draw(image)
    # A light band at the bottom carries the tagline in the portal colour: two tones, one brand.
    draw.rectangle((0, HEIGHT - 170, WIDTH, HEIGHT), fill="#ffffff")
    draw.rectangle((0, HEIGHT - 176, WIDTH, HEIGHT - 170), fill="#f2b705")
    title_font, kicker_font, small_font = _font(76), _font(36), _font(30)
    if title_font and kicker_font and small_font:
        draw.text((72, 64), "新現役交流会", font=kicker_font, fill="#ffffff")
        name = portal.title if portal.kind != "national" else "新現役交流会ポータル（全国）"
        lines = _wrap(draw, name, title_font, WIDTH - 144)[:3]
        y = 130
        for line in lines:
            draw.text((72, y), line, font=title_font, fill="#ffffff")
            y += 96
        for i, line in enumerate(_wrap(draw, tagline, small_font, WIDTH - 144)[:2]):
            draw.text((72, HEIGHT - 150 + i * 44), line, font=small_font, fill=colour)
        if demo_note:
            note_w = draw.textlength(demo_note, font=small_font)
            draw.rounded_rectangle((WIDTH - 96 - note_w, 58, WIDTH - 56, 112), radius=8, fill="#ffffff")
            draw.text((WIDTH - 76 - note_w, 66), demo_note, font=small_font, fill="#7a1f1f")
    return _png(image)


def _icon(size: int, colour: str) -> Image.Image:
    image = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(image)
    font = _font(int(size * 0.62))
    if font:
        box = draw.textbbox((0, 0), "交", font=font)
        w, h = box[2] - box[0], box[3] - box[1]
        draw.text(((size - w) / 2 - box[0], (size - h) / 2 - box[1]), "交", font=font, fill="#ffffff")
    else:
        draw.ellipse((size * 0.3, size * 0.3, size * 0.7, size * 0.7), fill="#ffffff")
    return image


def favicon_ico(colour: str = DEFAULT_COLOUR) -> bytes:
    out = io.BytesIO()
    _icon(64, colour).save(out, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    return out.getvalue()


def favicon_png(colour: str = DEFAULT_COLOUR) -> bytes:
    return _png(_icon(32, colour))


def touch_icon(colour: str = DEFAULT_COLOUR) -> bytes:
    return _png(_icon(180, colour))
