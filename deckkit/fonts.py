"""The deck's own fonts, cut down to the characters it shows: one small file per face.

fontsource ships Noto Sans KR and Nanum Gothic Coding as ~120 unicode-range slices per face; a
deck that opens with ~50 of them spends the first second on font requests while Python boots on
the same two cores. The subsets below hold every character of the decks, the demos, their
recorded output and the runtime's labels: the theme imports only them, so the slides (and the PDF)
load only the subsets. Once Python is up, the live deck adds fontsource's slices under family names
of their own ("Noto Sans KR Slices", slices_family), next in the theme's font stacks: the subsets
keep the deck's characters, and one they lack — typed into a cell on stage — comes from the
slices: nothing renders as a box. The page adds them as FontFace objects from a list the build
writes (slices.json), not as style sheets: Chromium rebuilds every face of a page when one of its
sheets adds @font-face rules, and the slide on screen flashed in a fallback font as Python came up.
"""

import hashlib
import json
import re
import shutil
from pathlib import Path

from .paths import NODE_MODULES, ROOT

# family → weight → the full font (TrueType, from the Google Fonts release on npm)
FULL_FONTS = {
    "Noto Sans KR": {
        "400": "@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf",
        "700": "@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf",
    },
    "Nanum Gothic Coding": {
        "400": "@expo-google-fonts/nanum-gothic-coding/400Regular/NanumGothicCoding_400Regular.ttf",
        "700": "@expo-google-fonts/nanum-gothic-coding/700Bold/NanumGothicCoding_700Bold.ttf",
    },
}
SLICES_SUFFIX = " Slices"  # the theme's stacks name them: slides/theme/asyncio-live.css
# fontsource's packages of the same faces, as ~120 unicode-range slices each
SLICED_FONTS = {"noto-sans-kr": ("400", "700"), "nanum-gothic-coding": ("400", "700")}
SLICES_NAME = "slices.json"  # slides/runtime/page/font-fallback.js reads it
CSS_NAME = "deck-subset.css"  # the theme imports it (slides/theme/asyncio-live.css)
CACHE = ROOT / "build" / "font-subsets"


def deck_characters(root: Path = ROOT) -> str:
    """Every character the decks can show without a keystroke: slides and notes, demos, recorded
    output, what the engine and the runtime write (labels, ▶ ■ ↺), the exercises' texts and the
    translations, printable ASCII for Python's output."""
    slides = root / "slides"
    sources = [*slides.glob("*.md"), *slides.glob("*.mjs"), *(slides / "engine").glob("*.mjs"),
               *(slides / "runtime").rglob("*.js"), *(root / "demos").glob("*.py"),
               *(root / "demos").glob("exercises/*/*"), *(root / "demos").glob("i18n/*.toml"),
               *(root / "build" / "recordings").glob("*.json")]
    text = "".join(path.read_text(encoding="utf-8") for path in sources if path.is_file())
    printable = {chr(c) for c in range(0x20, 0x7F)}
    return "".join(sorted((set(text) | printable) - {"\n", "\r", "\t"}))


def unicode_range(codepoints) -> str:
    """U+20-7E,U+AC00,… for a set of code points."""
    ranges, points = [], sorted(codepoints)
    start = previous = points[0]
    for point in points[1:] + [None]:
        if point is not None and point == previous + 1:
            previous = point
            continue
        ranges.append(f"U+{start:X}" if start == previous else f"U+{start:X}-{previous:X}")
        if point is not None:
            start = previous = point
    return ",".join(ranges)


def _subset(source: Path, characters: str, out: Path) -> set[int]:
    """Write the woff2 subset of *source*; return the code points it covers."""
    try:
        from fontTools import subset
    except ImportError as error:  # an environment set up before fonts were subset
        raise SystemExit(f"✗ {error.name} is missing: run python3 -m pip install -e '.[test]'") from error

    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False  # slide-sized type needs no TrueType hinting; a third smaller
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    covered = set(font.getBestCmap())
    subset.save_font(font, str(out), options)
    return covered


def slices_family(family: str) -> str:
    """The family name fontsource's slices of *family* are served under (build.copy_fonts)."""
    return family + SLICES_SUFFIX


def _slug(family: str, weight: str) -> str:
    return f"{family.lower().replace(' ', '-')}-{weight}"


def write_subsets(target: Path, root: Path = ROOT) -> Path:
    """Subset every face into *target*/subset/ and write *target*/deck-subset.css; returns the CSS.
    Subsets are cached by character set in build/font-subsets/ (a few seconds each to make)."""
    characters = deck_characters(root)
    key = hashlib.sha256(characters.encode()).hexdigest()[:12]
    (target / "subset").mkdir(parents=True, exist_ok=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    rules = []
    for family, weights in FULL_FONTS.items():
        for weight, relative in weights.items():
            source = NODE_MODULES / relative
            if not source.is_file():
                raise FileNotFoundError(f"{source} is missing: run `npm ci`")
            name = f"{_slug(family, weight)}.woff2"
            cached, covered_file = CACHE / f"{key}-{name}", CACHE / f"{key}-{name}.range"
            if not (cached.is_file() and covered_file.is_file()):
                covered_file.write_text(unicode_range(_subset(source, characters, cached)))
            shutil.copy2(cached, target / "subset" / name)
            rules.append(
                "@font-face {\n"
                f"  font-family: '{family}';\n  font-style: normal;\n  font-display: swap;\n  font-weight: {weight};\n"
                f"  src: url(./subset/{name}) format('woff2');\n"
                f"  unicode-range: {covered_file.read_text()};\n"
                "}\n"
            )
    css = target / CSS_NAME
    css.write_text(f"/* {__doc__.splitlines()[0]} (deckkit/fonts.py) */\n" + "\n".join(rules))
    return css


_FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}")
_DESCRIPTOR = re.compile(r"([a-z-]+)\s*:\s*([^;]+);")


def write_slices(target: Path) -> Path:
    """Copy fontsource's woff2 slices into *target*/<package>/files/ and list them in *target*/slices.json
    as FontFace arguments — [family, url relative to *target*, descriptors] — under slices_family names."""
    faces = []
    for package_name, weights in SLICED_FONTS.items():
        package = NODE_MODULES / "@fontsource" / package_name
        (target / package_name / "files").mkdir(parents=True, exist_ok=True)
        for weight in weights:
            for block in _FONT_FACE.findall((package / f"{weight}.css").read_text()):
                rule = dict(_DESCRIPTOR.findall(block))
                file = re.search(r"url\(\./files/([^)]+\.woff2)\)", rule["src"]).group(1)
                shutil.copy2(package / "files" / file, target / package_name / "files" / file)
                descriptors = {"weight": rule["font-weight"], "style": rule["font-style"], "display": "swap"}
                descriptors["unicodeRange"] = rule["unicode-range"]
                faces.append([slices_family(rule["font-family"].strip("'\"")), f"{package_name}/files/{file}", descriptors])
    listing = target / SLICES_NAME
    listing.write_text(json.dumps(faces, separators=(",", ":")))
    return listing
