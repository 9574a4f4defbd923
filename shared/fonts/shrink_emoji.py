#!/usr/bin/python3
"""Shrinks Noto Color Emoji's one bitmap strike (109 ppem, about 11 MB) to a smaller ppem.

Charts draw emoji at 10-20 px, so a 109 px strike is mostly bytes the binary would carry for
nothing. Every bitmap is resampled (Lanczos) and its metrics scaled; cmap, GSUB
(skin tones, ZWJ sequences, flags) are untouched. Needs Debian's python3-fonttools and
python3-pil.

    shrink_emoji.py /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf out.ttf 32
"""
import io
import sys

from fontTools.ttLib import TTFont
from PIL import Image

src, dst, ppem = sys.argv[1], sys.argv[2], int(sys.argv[3])
font = TTFont(src)
strike = font["CBLC"].strikes[0]
size = strike.bitmapSizeTable
scale = ppem / size.ppemY


def px(v):
    return int(round(v * scale))


for glyph in font["CBDT"].strikeData[0].values():
    if hasattr(glyph, "data"):  # decompiled lazily; compile() writes `data` back as it is
        glyph.decompile()
        del glyph.data
    image = Image.open(io.BytesIO(glyph.imageData)).convert("RGBA")
    m = glyph.metrics
    w, h = max(1, px(m.width)), max(1, px(m.height))
    out = io.BytesIO()
    small = image.resize((w, h), Image.LANCZOS)
    # A palette of 64 colours with alpha: at chart sizes it looks the same as 256, and each
    # glyph's palette is a good part of its bytes.
    small.quantize(64, method=Image.Quantize.FASTOCTREE).save(out, format="PNG", optimize=True)
    glyph.imageData = out.getvalue()
    m.width, m.height = w, h
    m.BearingX, m.BearingY, m.Advance = px(m.BearingX), px(m.BearingY), px(m.Advance)

size.ppemX = size.ppemY = ppem
for lm in (size.hori, size.vert):
    lm.ascender, lm.descender, lm.widthMax = px(lm.ascender), px(lm.descender), px(lm.widthMax)
font.save(dst)
