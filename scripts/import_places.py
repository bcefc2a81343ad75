#!/usr/bin/env python3
"""Build vigie's place gazetteer from GeoNames and OpenStreetMap extracts.

Usage:
    python3 scripts/import_places.py --geonames DIR --osm DIR --out gazetteers/ \
        [--words /usr/share/dict/french]

Reads the GeoNames per-country dumps / cities500 files / admin code tables /
countryInfo.txt in --geonames and the OSM place-node TSVs in --osm, and writes
    OUT/places.tsv      (generated)
    OUT/countries.tsv   (generated: countryInfo geonameids + the French table below)
With --words, it also regenerates OUT/place_common_words.txt from the place
names/variants of places.tsv, OUT/place_extra.tsv and OUT/place_aliases.tsv.
The hand-curated OUT/place_aliases.tsv and OUT/place_extra.tsv are only read,
to check that their ids are valid; they are never written.

Standard library only. Same input -> byte-identical output (no timestamps, no
hash-order dependence, every collection is sorted or kept in source order).
See gazetteers/README.md ("Places") for what is kept and dropped, and why.
"""

import argparse
import glob
import math
import os
import re
import sys
import unicodedata

# --------------------------------------------------------------------------
# Text normalisation
# --------------------------------------------------------------------------

APOSTROPHES = "\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032\u02b9\u02bf\u02be"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_SPECIAL = {
    "\u0153": "oe", "\u0152": "Oe", "\u00e6": "ae", "\u00c6": "Ae",
    "\u00df": "ss", "\u00f8": "o", "\u00d8": "O", "\u0111": "d", "\u0110": "D",
    "\u0142": "l", "\u0141": "L", "\u0131": "i", "\u0127": "h", "\u0126": "H",
    "\u00f0": "d", "\u00d0": "D", "\u00fe": "th", "\u00de": "Th",
}
_TRANS = str.maketrans({**{c: "'" for c in APOSTROPHES}, **{c: "-" for c in DASHES}})


def clean(s):
    """Remove format characters (RTL marks...), unify apostrophes/dashes, collapse spaces."""
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Cf")
    s = s.translate(_TRANS)
    return " ".join(s.split())


def strip_accents(s):
    s = "".join(_SPECIAL.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def key_ci(s):
    """Case- and accent-insensitive key (used to deduplicate variants)."""
    return strip_accents(clean(s)).lower()


_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def loose(f):
    """A folded name with doubled letters single ("ouaddai" -> "ouadai"): press spellings differ so."""
    return re.sub(r"(.)\1+", r"\1", f)


def fold(s):
    """Matching fold: lowercase, no accents, ' ’ - . and spaces ignored ("In-Atès" -> "inates")."""
    return _NON_ALNUM.sub("", key_ci(s))


_LATIN_CACHE = {}


def _char_kind(ch):
    """'L' latin letter, 'X' non-latin letter, 'O' other (digit, punctuation, mark, space)."""
    k = _LATIN_CACHE.get(ch)
    if k is None:
        cat = unicodedata.category(ch)
        if cat.startswith("L"):
            name = unicodedata.name(ch, "")
            if "LATIN" in name:
                k = "L"
            elif cat == "Lm" and "MODIFIER LETTER" in name and ord(ch) < 0x0370:
                k = "O"  # ʼ ʻ ˈ ... used as apostrophes in transliterations
            else:
                k = "X"
        else:
            k = "O"
        _LATIN_CACHE[ch] = k
    return k


def is_latin(s):
    kinds = {_char_kind(ch) for ch in s}
    return "X" not in kinds and "L" in kinds


_EDGE = " -,;:/|()[]{}.'\"_*"


def latin_parts(s):
    """Latin-script segments of a possibly mixed-script name ("باغا سولا Baga-Sola" -> ["Baga-Sola"])."""
    s = clean(s)
    parts, cur = [], []
    for ch in s:
        if _char_kind(ch) == "X":
            if cur:
                parts.append("".join(cur))
                cur = []
        else:
            cur.append(ch)
    if cur:
        parts.append("".join(cur))
    out = []
    for p in parts:
        p = " ".join(p.split()).strip(_EDGE)
        if p.count("(") != p.count(")"):
            p = p.replace("(", " ").replace(")", " ")
            p = " ".join(p.split()).strip(_EDGE)
        if any(_char_kind(ch) == "L" for ch in p):
            out.append(p)
    return out


_CODE_RE = re.compile(r"[A-Z0-9]{2,4}")            # ISO / IATA / ICAO codes
_ISO2_RE = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")   # ISO 3166-2
_POSTAL_RE = re.compile(r"(?<!\d)\d{5}(?!\d)")      # 5-digit postal codes
_URL_RE = re.compile(r"https?:|www\.|\.(com|org|net|fr)\b", re.I)


def variant_ok(v):
    if len(v) < 2 or len(v) > 60:
        return False
    if not is_latin(v):
        return False
    if _CODE_RE.fullmatch(v) or _ISO2_RE.fullmatch(v):
        return False
    if _POSTAL_RE.search(v) or _URL_RE.search(v):
        return False
    if not any(ch.isupper() for ch in v):
        return False  # all-lowercase: machine romanisations ("tfrgh zynh", "pei la lei sha tuo")
    return True


class Variants:
    """Ordered, case/accent-insensitively deduplicated list of spellings."""

    def __init__(self, name):
        self.name = name
        self.keys = {key_ci(name)}
        self.items = []

    def add(self, v):
        v = clean(v)
        if not v or not variant_ok(v):
            return False
        k = key_ci(v)
        if k in self.keys:
            return False
        self.keys.add(k)
        self.items.append(v)
        return True

    def all_names(self):
        return [self.name] + self.items


# --------------------------------------------------------------------------
# Geometry: haversine + grid index
# --------------------------------------------------------------------------

def dist_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


class Grid:
    CELL = 0.1  # degrees

    def __init__(self):
        self.cells = {}

    def _cell(self, lat, lon):
        return (int(math.floor(lat / self.CELL)), int(math.floor(lon / self.CELL)))

    def add(self, lat, lon, item):
        self.cells.setdefault(self._cell(lat, lon), []).append((lat, lon, item))

    def nearest(self, lat, lon, max_km, accept):
        """Nearest accepted item within max_km; ties broken by insertion order."""
        ci, cj = self._cell(lat, lon)
        lat_km = 111.19 * self.CELL
        lon_km = max(111.19 * self.CELL * math.cos(math.radians(min(89.0, abs(lat) + self.CELL))), 0.5)
        cell_km = min(lat_km, lon_km)
        rings = int(math.ceil(max_km / cell_km)) + 1
        best, best_d = None, None
        for r in range(rings + 1):
            if best is not None and best_d <= (r - 1) * cell_km:
                break
            if r * cell_km - cell_km > max_km:
                break
            for di in range(-r, r + 1):
                for dj in range(-r, r + 1):
                    if max(abs(di), abs(dj)) != r:
                        continue
                    for plat, plon, item in self.cells.get((ci + di, cj + dj), ()):
                        if not accept(item):
                            continue
                        d = dist_km(lat, lon, plat, plon)
                        if d <= max_km and (best is None or d < best_d):
                            best, best_d = item, d
        return best, best_d


# --------------------------------------------------------------------------
# Feature selection
# --------------------------------------------------------------------------

P_DROP = {"PPLH", "PPLCH"}                 # historical places
P_NEED_POP = {"PPLQ", "PPLW"}              # abandoned / destroyed: keep only if population > 0
A_MAP = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3", "ADM4": "admin3"}
SITE_CODES = {
    ("S", "CMP"), ("S", "CMPRF"), ("S", "CMPMN"),          # camps, refugee camps, mining camps
    ("S", "INSM"), ("S", "MILB"),                          # military installations / bases
    ("S", "AIRP"), ("S", "AIRB"), ("S", "AIRF"),           # airports, air bases, airfields
    ("S", "MN"), ("S", "MNAU"), ("S", "MNC"), ("S", "MNCR"), ("S", "MNCU"),
    ("S", "MNFE"), ("S", "MNN"), ("S", "MNQR"), ("L", "MNA"),  # mines, mining areas
    ("L", "PRK"), ("L", "RES"), ("L", "RESN"), ("L", "RESW"), ("L", "RESF"), ("L", "RESH"),
    ("V", "FRST"), ("V", "FRSTF"),                         # forests
    ("H", "LK"), ("H", "LKS"), ("H", "LKI"),               # lakes
}
REGION_CODES = {("L", "RGN"), ("L", "AREA")}


def geonames_feature(fclass, fcode, pop):
    if fclass == "P":
        if fcode in P_DROP:
            return None
        if fcode in P_NEED_POP and pop <= 0:
            return None
        return "locality"
    if fclass == "A":
        return A_MAP.get(fcode)
    if (fclass, fcode) in SITE_CODES:
        return "site"
    if (fclass, fcode) in REGION_CODES:
        return "region"
    return None


OSM_LOCALITY = {"city", "town", "village", "hamlet", "suburb", "neighbourhood", "quarter",
                "locality"}  # isolated_dwelling dropped: single homesteads, never news, and size
OSM_RANK = {"city": 0, "town": 1, "village": 2, "suburb": 3, "quarter": 4, "neighbourhood": 5,
            "hamlet": 6, "locality": 7, "island": 8}
# OSM names that are descriptions, not names ("Concession" = a family compound in BF)
OSM_GENERIC = {"habitation", "concession", "hameau", "village", "ferme", "unknown", "inconnu",
               "quartier", "campement", "camp", "hamlet", "settlement", "noname", "sansnom"}
OSM_PLACE_FIX = {"quartier": "quarter", "ham": "hamlet"}


def osm_place_value(raw):
    v = raw.strip().lower().split(";")[0].strip()
    return OSM_PLACE_FIX.get(v, v)


# Nigeria's South-West, South-South and South-East zones (admin1 names as written in places.tsv)
NG_SOUTH_STATES = {"Abia", "Akwa Ibom", "Anambra", "Bayelsa", "Cross River", "Delta", "Ebonyi",
                   "Edo", "Ekiti", "Enugu", "Imo", "Lagos", "Ogun", "Ondo", "Osun", "Oyo", "Rivers"}

# Côte d'Ivoire: the 2014 dump still uses the pre-2011 region codes. Each old region lies
# wholly inside one of the 2011 districts, so it is remapped to that district's code.
CI_ADMIN1_REMAP = {
    "74": "82",  # Agnéby -> Lagunes
    "75": "97",  # Bafing -> Woroba
    "79": "95",  # Fromager -> Gôh-Djiboua
    "80": "96",  # Haut-Sassandra -> Sassandra-Marahoué
    "83": "96",  # Marahoué -> Sassandra-Marahoué
    "84": "78",  # Moyen-Cavally -> Montagnes
    "85": "94",  # Moyen-Comoé -> Comoé
    "86": "81",  # N'zi-Comoé -> Lacs
    "88": "95",  # Sud-Bandama -> Gôh-Djiboua
    "89": "94",  # Sud-Comoé -> Comoé
    "91": "97",  # Worodougou -> Woroba
}
# Codes that resolve to a current name but meant something larger in an old dump. The 2014 NE
# dump uses 08 for the former Niamey département (today Tillabéri region + Niamey): trust
# "Niamey" only within 15 km of the city, otherwise resolve from neighbours.
ADMIN1_ONLY_NEAR = {("NE", "08"): (13.51366, 2.10980, 15.0)}

_ADMIN1_SUFFIX = re.compile(r"\s+(Region|District|State)$")


def admin1_display(name):
    return _ADMIN1_SUFFIX.sub("", name)


COMPLETE_DUMPS = ["BF", "CI", "CM", "GN", "ML", "MR", "NE", "SN"]

# --------------------------------------------------------------------------
# Countries (French names, press variants, demonyms). geonameid: countryInfo.txt
# --------------------------------------------------------------------------

COUNTRIES = {
    "AO": ("Angola", [], "angolais|angolaise|angolaises"),
    "BF": ("Burkina Faso", ["Burkina", "Pays des hommes intègres"],
           "burkinabè|burkinabé|burkinabe|burkinabès|burkinabés|burkinabes"),
    "BI": ("Burundi", [], "burundais|burundaise|burundaises"),
    "BJ": ("Bénin", [], "béninois|béninoise|béninoises"),
    "CD": ("République démocratique du Congo",
           ["RDC", "RD Congo", "RDCongo", "R.D. Congo", "R.D.C.", "Congo-Kinshasa", "Congo Kinshasa"],
           "congolais|congolaise|congolaises"),
    "CF": ("République centrafricaine", ["Centrafrique", "RCA", "Centre-Afrique"],
           "centrafricain|centrafricaine|centrafricains|centrafricaines"),
    "CG": ("Congo", ["République du Congo", "Congo-Brazzaville", "Congo Brazzaville"],
           "congolais|congolaise|congolaises"),
    "CI": ("Côte d'Ivoire", ["Côte-d'Ivoire", "RCI"],
           "ivoirien|ivoirienne|ivoiriens|ivoiriennes"),
    "CM": ("Cameroun", [], "camerounais|camerounaise|camerounaises"),
    "DO": ("République dominicaine", [], "dominicain|dominicaine|dominicains|dominicaines"),
    "DZ": ("Algérie", [], "algérien|algérienne|algériens|algériennes"),
    "EG": ("Égypte", [], "égyptien|égyptienne|égyptiens|égyptiennes"),
    "EH": ("Sahara occidental", [], "sahraoui|sahraouie|sahraouis|sahraouies"),
    "FR": ("France", [], "français|française|françaises"),
    "GA": ("Gabon", [], "gabonais|gabonaise|gabonaises"),
    "GH": ("Ghana", [], "ghanéen|ghanéenne|ghanéens|ghanéennes"),
    "GM": ("Gambie", [], "gambien|gambienne|gambiens|gambiennes"),
    "GN": ("Guinée", ["Guinée-Conakry", "Guinée Conakry"], "guinéen|guinéenne|guinéens|guinéennes"),
    "GQ": ("Guinée équatoriale", ["Guinée-Équatoriale"],
           "équato-guinéen|équato-guinéenne|équato-guinéens|équato-guinéennes"),
    "GW": ("Guinée-Bissau", ["Guinée Bissau"],
           "bissau-guinéen|bissau-guinéenne|bissau-guinéens|bissau-guinéennes"),
    "HT": ("Haïti", [], "haïtien|haïtienne|haïtiens|haïtiennes"),
    "LR": ("Liberia", [], "libérien|libérienne|libériens|libériennes"),
    "LY": ("Libye", [], "libyen|libyenne|libyens|libyennes"),
    "MA": ("Maroc", [], "marocain|marocaine|marocains|marocaines"),
    "ML": ("Mali", [], "malien|malienne|maliens|maliennes"),
    "MR": ("Mauritanie", ["République islamique de Mauritanie"],
           "mauritanien|mauritanienne|mauritaniens|mauritaniennes"),
    "NE": ("Niger", [], "nigérien|nigérienne|nigériens|nigériennes"),
    "NG": ("Nigeria", [], "nigérian|nigériane|nigérians|nigérianes"),
    "RW": ("Rwanda", ["Ruanda"], "rwandais|rwandaise|rwandaises"),
    "SD": ("Soudan", [], "soudanais|soudanaise|soudanaises"),
    "SL": ("Sierra Leone", [], "sierra-léonais|sierra-léonaise|sierra-léonaises"),
    "SN": ("Sénégal", [], "sénégalais|sénégalaise|sénégalaises"),
    "SS": ("Soudan du Sud", ["Sud-Soudan", "Sud Soudan"],
           "sud-soudanais|sud-soudanaise|sud-soudanaises"),
    "TD": ("Tchad", [], "tchadien|tchadienne|tchadiens|tchadiennes"),
    "TG": ("Togo", [], "togolais|togolaise|togolaises"),
    "TN": ("Tunisie", [], "tunisien|tunisienne|tunisiens|tunisiennes"),
    "TZ": ("Tanzanie", [], "tanzanien|tanzanienne|tanzaniens|tanzaniennes"),
    "UG": ("Ouganda", [], "ougandais|ougandaise|ougandaises"),
    "ZM": ("Zambie", [], "zambien|zambienne|zambiens|zambiennes"),
}

# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def read_lines(path):
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            yield line.rstrip("\n").rstrip("\r")


def to_int(s):
    s = s.strip()
    return int(s) if s.isdigit() else 0


class Place:
    __slots__ = ("id", "src", "num", "name", "variants", "country", "a1code", "a2code",
                 "admin1", "admin2", "a1_direct", "a2_direct", "lat", "lon", "feature", "code",
                 "population", "rank", "fold", "synth")

    def __init__(self):
        self.synth = False
        self.admin1 = ""
        self.admin2 = ""
        self.a1_direct = False
        self.a2_direct = False
        self.a1code = ""
        self.a2code = ""


def load_geonames(gdir, log):
    files = sorted(glob.glob(os.path.join(gdir, "[A-Z][A-Z].txt")))
    files += sorted(glob.glob(os.path.join(gdir, "[A-Z][A-Z].cities500.txt")))
    supp = os.path.join(gdir, "cities500_supplement.txt")
    if os.path.exists(supp):
        files.append(supp)
    rows = {}
    dups = 0
    for path in files:
        for line in read_lines(path):
            if not line:
                continue
            r = line.split("\t")
            if len(r) < 19:
                r += [""] * (19 - len(r))
            gid = int(r[0])
            old = rows.get(gid)
            if old is None:
                rows[gid] = r
                continue
            dups += 1
            # keep the newest modification date; an empty date (supplement rows) counts as newest
            od, nd = old[18] or "9999", r[18] or "9999"
            if nd > od:
                keep, other = r, old
            else:
                keep, other = old, r
            for i in (2, 7):  # fill asciiname / feature code missing from supplement rows
                if not keep[i] and other[i]:
                    keep[i] = other[i]
            if keep[8] != other[8] and keep[10] == other[10]:
                # country changed but the admin1 code was carried over from the old country
                # (2597438 'Adel Bagrou: MR "01" kept as ML "01" = Bamako): resolve by neighbour
                keep[10] = keep[11] = ""
            rows[gid] = keep
    log("geonames: %d files, %d unique geonameids, %d duplicate rows merged" % (len(files), len(rows), dups))
    return rows


def load_admin_tables(gdir):
    a1, a2 = {}, {}
    for line in read_lines(os.path.join(gdir, "admin1CodesASCII.txt")):
        if line:
            r = line.split("\t")
            a1[r[0]] = r[1]
    for line in read_lines(os.path.join(gdir, "admin2Codes.txt")):
        if line:
            r = line.split("\t")
            a2[r[0]] = r[1]
    return a1, a2


def load_country_ids(gdir):
    ids = {}
    for line in read_lines(os.path.join(gdir, "countryInfo.txt")):
        if not line or line.startswith("#"):
            continue
        r = line.split("\t")
        ids[r[0]] = r[16]
    return ids


# --------------------------------------------------------------------------
# Admin name resolution
# --------------------------------------------------------------------------


class AdminResolver:
    def __init__(self, rows, a1tab, a2tab):
        self.a1tab = a1tab
        self.a2tab = a2tab
        # admin2 codes that are geonameids, looked up without the (possibly stale) admin1 part
        by_id = {}
        for k, name in sorted(a2tab.items()):
            cc, _a1, code = k.split(".", 2)
            if code.isdigit() and len(code) >= 5:
                by_id.setdefault((cc, code), set()).add(name)
        self.a2_by_id = {k: next(iter(v)) for k, v in by_id.items() if len(v) == 1}
        # ADM1 / ADM2 rows of the dumps themselves
        self.dump_a1, self.dump_a2, self.adm2_gid = {}, {}, {}
        for gid in sorted(rows):
            r = rows[gid]
            if r[6] != "A":
                continue
            if r[7] == "ADM1" and r[10] not in ("", "00"):
                self.dump_a1.setdefault((r[8], r[10]), r[1])
            elif r[7] == "ADM2":
                if r[11]:
                    self.dump_a2.setdefault((r[8], r[10], r[11]), r[1])
                self.adm2_gid[(r[8], str(gid))] = r[1]

    def admin1(self, cc, code, lat, lon):
        if code in ("", "00"):
            return None
        near = ADMIN1_ONLY_NEAR.get((cc, code))
        if near and dist_km(lat, lon, near[0], near[1]) > near[2]:
            return None
        name = self.a1tab.get(cc + "." + code)
        if name is None and cc == "CI" and code in CI_ADMIN1_REMAP:
            name = self.a1tab.get(cc + "." + CI_ADMIN1_REMAP[code])
        if name is None:
            name = self.dump_a1.get((cc, code))
        return admin1_display(name) if name else None

    def admin2(self, cc, a1, a2):
        if a2 in ("", "00"):
            return None
        name = self.a2tab.get("%s.%s.%s" % (cc, a1, a2))
        if name is None and cc == "CI" and a1 in CI_ADMIN1_REMAP:
            name = self.a2tab.get("%s.%s.%s" % (cc, CI_ADMIN1_REMAP[a1], a2))
        if name is None and a2.isdigit() and len(a2) >= 5:
            name = self.a2_by_id.get((cc, a2)) or self.adm2_gid.get((cc, a2))
        if name is None:
            name = self.dump_a2.get((cc, a1, a2))
        return name


# --------------------------------------------------------------------------
# Main build
# --------------------------------------------------------------------------


def build_geonames_places(rows, resolver, log):
    places = []
    dropped = {}
    for gid in sorted(rows):
        r = rows[gid]
        fclass, fcode = r[6], r[7]
        pop = to_int(r[14])
        feature = geonames_feature(fclass, fcode, pop)
        if feature is None:
            k = fclass + "." + (fcode or "-")
            dropped[k] = dropped.get(k, 0) + 1
            continue
        name = clean(r[1])
        if not is_latin(name):
            cands = [clean(r[2])] + [clean(a) for a in r[3].split(",")]
            cands = [c for c in cands if c and is_latin(c)]
            if cands:
                name = cands[0]
        if not name:
            continue
        p = Place()
        p.src, p.num = "geonames", gid
        p.id = "geonames:%d" % gid
        p.name = name
        p.variants = Variants(name)
        p.variants.add(r[2])
        for a in r[3].split(","):
            p.variants.add(a)
        p.country = r[8]
        p.lat, p.lon = float(r[4]), float(r[5])
        p.feature = feature
        if feature in ("admin1", "admin2"):
            # The bare name of a division ("Département du Mungo" -> "Mungo").
            p.variants.add(division_core(name))
        p.code = fcode
        p.population = pop if pop > 0 else None
        p.a1code, p.a2code = r[10], r[11]
        a1 = resolver.admin1(r[8], r[10], p.lat, p.lon)
        if a1:
            p.admin1, p.a1_direct = a1, True
        if feature != "admin1":
            a2 = resolver.admin2(r[8], r[10], r[11])
            if a2:
                p.admin2, p.a2_direct = a2, True
        places.append(p)
    top = sorted(dropped.items(), key=lambda kv: (-kv[1], kv[0]))
    log("geonames: kept %d, dropped %d (%s ...)" % (
        len(places), sum(dropped.values()), ", ".join("%s %d" % kv for kv in top[:12])))
    return places


def fill_admin_by_neighbour(places, pool_grid, log, label):
    """Fill missing admin1/admin2 from the nearest directly-resolved GeoNames populated
    place of the same country within 50 km."""
    n1 = n2 = 0
    for p in places:
        if p.feature in ("admin1", "region"):
            continue
        if not p.admin1:
            best, _ = pool_grid.nearest(p.lat, p.lon, 50.0,
                                        lambda q, cc=p.country: q.country == cc and q.a1_direct)
            if best is not None:
                p.admin1 = best.admin1
                n1 += 1
        if p.admin1 and not p.admin2:
            best, _ = pool_grid.nearest(
                p.lat, p.lon, 50.0,
                lambda q, cc=p.country, a1=p.admin1: q.country == cc and q.a2_direct and q.admin1 == a1)
            if best is not None:
                p.admin2 = best.admin2
                n2 += 1
    log("%s: admin1 filled from neighbour for %d rows, admin2 for %d rows" % (label, n1, n2))


# --------------------------------------------------------------------------
# Divisions of the cities500-only countries, from the admin code tables
# --------------------------------------------------------------------------

# Countries whose dumps have no ADM rows get their first-level divisions from
# admin1CodesASCII.txt (all but FR, out of scope) and their second-level ones
# from admin2Codes.txt (these only), with the tables' geonameids: the press and
# the gold name "Borno" or "Nord-Kivu" by its GeoNames id.
SYNTH_ADMIN1_SKIP = {"FR"}
SYNTH_ADMIN2 = {"BJ", "CD", "CF", "CG", "HT", "NG", "TD", "TG"}

# French spellings the tables lack (English or old names), by geonameid.
ADMIN_FRENCH = {
    205413: ["Sud-Kivu"],                       # CD South Kivu
    206938: ["Nord-Kivu", "North Kivu"],        # CD Nord Kivu
    2317277: ["Kongo-Central", "Kongo Central"],  # CD Bas-Congo (renamed 2015)
    210596: ["Kasaï-Central"],
    214140: ["Kasaï"],
    2352776: ["Territoire de la capitale fédérale", "Federal Capital Territory"],  # NG FCT
    242246: ["Ouaddaï"],                        # TD Ouadaï
    2507475: ["Alger"],                         # DZ Algiers (wilaya)
    11288215: ["Nord-Oubangui"],                # CD Nord-Ubangi, French spelling
    11288216: ["Sud-Oubangui"],                 # CD Sud-Ubangi, French spelling
    7603255: ["Barh el Ghazal", "Bahr el Ghazal"],  # TD Barh el Gazel
    2212774: ["Sebha"],                         # LY Sabha
    2214602: ["Mourzouk", "Mourzouq"],          # LY Murzuq
    88932: ["Koufra"],                          # LY Al Kufrah
    2210553: ["Syrte"],                         # LY Surt
    2214845: ["Misrata", "Misurata"],           # LY Mişrātah
    88318: ["Benghazi"],                        # LY Banghāzī
    87204: ["Derna"],                           # LY Darnah
    2218972: ["Zaouïa", "Zawiya"],              # LY Az Zāwiyah
    443289: ["Djebel Akhdar"],                  # LY Al Jabal al Akhḑar
    7602689: ["Djebel Nefoussa", "Djebel Gharbi"],  # LY Jabal al Gharbi
    2214432: ["Nalout"],                        # LY Nālūt
    2219944: ["Joufra", "Jufra"],               # LY Al Jufrah
    2219413: ["Wadi Chati"],                    # LY Ash Shāţi'
    7602690: ["Djeffara"],                      # LY Al Jafārah
}

# Seats of second-level divisions that no locality is named after, by the
# division's geonameid: the division gets the seat's position.
ADMIN2_SEATS = {
    2597447: "Mandouri",   # TG Préfecture de Kpendjal
    2367163: "Dapaong",    # TG Préfecture de Tone
    2366167: "Kandé",      # TG Préfecture de Kéran
    2365189: "Mango",      # TG Préfecture de l'Oti
}

# Words that only say what kind of division a table name is ("Préfecture de
# Kpendjal", "Masisi Territory"); the bare name is added as a variant.
_DIV_PREFIX = re.compile(
    r"^(?:Pr[ée]fecture|Arrondissement|Sous-R[ée]gion|R[ée]gion|Cercle|Ville|D[ée]partement|Commune|Territoire|"
    r"Province|Circonscription|Local Government Area)\s+(?:of\s+|de\s+la\s+|de\s+l'\s*|de\s+|du\s+|des\s+|d')?",
    re.I)
_DIV_SUFFIX = re.compile(r"\s+(?:Territory|District|Department|City|\(city\)|Prefecture|Region|State|LGA|Cercle|Province)$", re.I)


def division_core(name):
    """The bare name of a division ("Préfecture de Kpendjal" -> "Kpendjal")."""
    core = _DIV_SUFFIX.sub("", _DIV_PREFIX.sub("", name)).strip()
    return core or name


def load_admin_ids(gdir):
    """(code -> (name, asciiname, geonameid)) for admin1 and admin2 tables."""
    out = []
    for fname in ("admin1CodesASCII.txt", "admin2Codes.txt"):
        t = {}
        for line in read_lines(os.path.join(gdir, fname)):
            if line:
                r = line.split("\t")
                if len(r) >= 4 and r[3].isdigit():
                    t[r[0]] = (r[1], r[2], int(r[3]))
        out.append(t)
    return out


def synth_divisions(gdir, places, log):
    """ADM1/ADM2 rows for the countries whose dumps have none.

    Position: the mean of the division's GeoNames populated places (cities500
    rows carrying its code); for a division with none, a locality of the same
    country (and admin1) named like the division (its seat: Masisi, Rutshuru);
    an admin1 is moved later onto its OSM state node when one matches. Rows
    without any position are left out (logged)."""
    a1ids, a2ids = load_admin_ids(gdir)
    have = {(p.country, p.feature) for p in places}
    taken = {p.num for p in places if p.src == "geonames"}
    pts1, pts2, by_core = {}, {}, {}
    for p in places:
        if p.src != "geonames" or p.feature != "locality":
            continue
        if p.a1code:
            pts1.setdefault((p.country, p.a1code), []).append((p.lat, p.lon))
            if p.a2code:
                pts2.setdefault((p.country, p.a1code, p.a2code), []).append((p.lat, p.lon))
    for p in places:
        if p.feature == "locality":
            for n in p.variants.all_names():
                by_core.setdefault((p.country, fold(n)), []).append(p)

    def mean(pts):
        return (sum(a for a, _ in pts) / len(pts), sum(b for _, b in pts) / len(pts))

    new, unplaced = [], []
    for level, table in (("admin1", a1ids), ("admin2", a2ids)):
        for code in sorted(table):
            name, ascii_name, gid = table[code]
            name = clean(name)
            parts = code.split(".")
            cc = parts[0]
            if level == "admin1" and (cc in SYNTH_ADMIN1_SKIP or (cc, "admin1") in have):
                continue
            if level == "admin2" and (cc not in SYNTH_ADMIN2 or (cc, "admin2") in have):
                continue
            if gid in taken:
                continue
            taken.add(gid)
            disp = admin1_display(name) if level == "admin1" else name
            core = division_core(disp)
            pos = None
            if level == "admin1":
                pts = pts1.get((cc, parts[1]))
            else:
                pts = pts2.get((cc, parts[1], parts[2]))
            if pts:
                pos = mean(pts)
            else:
                a1name = admin1_display(a1ids.get(cc + "." + parts[1], ("", "", 0))[0])
                seats = [q for q in by_core.get((cc, fold(core)), ())
                         if level == "admin1" or not a1name or not q.admin1 or q.admin1 == a1name]
                if seats:
                    seats.sort(key=lambda q: (-(q.population or 0), q.src != "geonames", q.num))
                    pos = (seats[0].lat, seats[0].lon)
            p = Place()
            p.src, p.num, p.id = "geonames", gid, "geonames:%d" % gid
            p.synth = True
            p.name = disp
            p.variants = Variants(disp)
            for v in [core, name, ascii_name] + ADMIN_FRENCH.get(gid, []):
                p.variants.add(v)
            p.country = cc
            p.feature = level
            p.code = "ADM1" if level == "admin1" else "ADM2"
            p.population = None
            p.a1code = parts[1]
            p.a2code = parts[2] if level == "admin2" else ""
            p.admin1 = admin1_display(a1ids.get(cc + "." + parts[1], (disp, "", 0))[0])
            p.a1_direct = True
            if level == "admin2":
                p.admin2, p.a2_direct = name, True
            p.lat, p.lon = pos if pos else (None, None)
            new.append(p)
            if not pos:
                unplaced.append(p)
    log("synthesised divisions: %d admin1, %d admin2 (%d still without a position)" % (
        sum(1 for p in new if p.feature == "admin1"), sum(1 for p in new if p.feature == "admin2"),
        len(unplaced)))
    return new


def load_osm(odir, log):
    out = []
    for path in sorted(glob.glob(os.path.join(odir, "[A-Z][A-Z].tsv"))):
        cc = os.path.basename(path)[:2]
        it = read_lines(path)
        header = next(it).split("\t")
        col = {h: i for i, h in enumerate(header)}
        for line in it:
            if not line:
                continue
            r = line.split("\t")
            out.append((cc, int(r[col["osm_id"]]), r[col["name"]], r[col["alt_names"]],
                        r[col["place"]], r[col["lat"]], r[col["lon"]], r[col["population"]]))
    out.sort(key=lambda t: (t[1], t[0]))
    log("osm: %d rows" % len(out))
    return out


def osm_names(name, alts):
    """(canonical Latin name, [other Latin spellings]) for an OSM node."""
    parts = []
    for seg in name.split(";"):
        parts.extend(latin_parts(seg))
    others = []
    for a in alts.split(","):
        a = clean(a)
        if a:
            others.extend(latin_parts(a) if not is_latin(a) else [a])
    if not parts:
        if not others:
            return None, []
        return others[0], others[1:]
    return parts[0], parts[1:] + others


def build(args, log):
    rows = load_geonames(args.geonames, log)
    a1tab, a2tab = load_admin_tables(args.geonames)
    resolver = AdminResolver(rows, a1tab, a2tab)
    places = build_geonames_places(rows, resolver, log)

    # Neighbour pool: GeoNames populated places whose admin1 code resolved directly.
    pool = Grid()
    for p in places:
        if p.feature == "locality" and p.a1_direct:
            pool.add(p.lat, p.lon, p)
    fill_admin_by_neighbour(places, pool, log, "geonames")
    places += synth_divisions(args.geonames, places, log)

    # Name index of GeoNames entries for OSM deduplication.
    by_fold = {}
    adm1_by_cc = {}
    for idx, p in enumerate(places):
        # Synthesised divisions have no position of their own to dedup OSM villages against.
        for n in ([] if p.synth else p.variants.all_names()):
            f = fold(n)
            if f:
                lst = by_fold.setdefault(f, [])
                if not lst or lst[-1] != idx:
                    lst.append(idx)
        if p.feature == "admin1":
            fs = adm1_by_cc.setdefault(p.country, {})
            for n in p.variants.all_names() + [admin1_display(p.name), p.admin1]:
                if n:
                    fs.setdefault(fold(n), idx)
                    fs.setdefault(loose(fold(n)), idx)
    a1tab_fold = {}
    for k in sorted(a1tab):
        cc = k.split(".")[0]
        a1tab_fold.setdefault(cc, {}).setdefault(fold(admin1_display(a1tab[k])), admin1_display(a1tab[k]))

    osm_rows = load_osm(args.osm, log)
    osm_places = []
    stats = {"merged": 0, "variants_added": 0, "kept": 0, "admin1": 0, "admin1_merged": 0,
             "skipped_place": 0, "no_latin_name": 0, "generic": 0, "osm_dup": 0}
    for cc, oid, name, alts, place, lat, lon, pop in osm_rows:
        pv = osm_place_value(place)
        is_state = pv in ("state", "region")
        is_island = pv == "island"
        if pv not in OSM_LOCALITY and not is_state and not is_island:
            stats["skipped_place"] += 1
            continue
        cname, others = osm_names(name, alts)
        if not cname:
            stats["no_latin_name"] += 1
            continue
        if fold(cname) in OSM_GENERIC or len(cname) < 2:
            stats["generic"] += 1
            continue
        lat, lon = float(lat), float(lon)
        spellings = [cname] + others
        if is_state:
            # OSM admin regions become admin1 entries unless GeoNames already has that ADM1
            known = adm1_by_cc.get(cc, {})
            hit = None
            for s in spellings:
                if fold(s) in known or loose(fold(s)) in known:
                    hit = known.get(fold(s), known.get(loose(fold(s))))
                    break
            if hit is not None:
                for s in spellings:
                    if places[hit].variants.add(s):
                        stats["variants_added"] += 1
                if places[hit].synth:
                    # The state node is a better centre than the mean of a few towns.
                    places[hit].lat, places[hit].lon = lat, lon
                stats["admin1_merged"] += 1
                continue
            tabname = None
            for s in spellings:
                tabname = a1tab_fold.get(cc, {}).get(fold(s))
                if tabname:
                    break
            if pv == "region" and not tabname:
                stats["skipped_place"] += 1  # OSM place=region that is no known admin1 (e.g. "Sudan" in NG)
                continue
            if cname.lower().startswith(("préfecture", "prefecture")):
                stats["skipped_place"] += 1  # a prefecture tagged place=state (TG)
                continue
        else:
            # deduplicate against GeoNames: same folded name within 10 km
            cands = []
            seen = set()
            for s in spellings:
                for idx in by_fold.get(fold(s), ()):
                    if idx in seen:
                        continue
                    seen.add(idx)
                    q = places[idx]
                    d = dist_km(lat, lon, q.lat, q.lon)
                    if d <= 10.0:
                        cands.append((0 if q.feature == "locality" else 1, d, q.num, idx))
            if cands:
                cands.sort()
                q = places[cands[0][3]]
                for s in spellings:
                    if q.variants.add(s):
                        stats["variants_added"] += 1
                stats["merged"] += 1
                continue
        p = Place()
        p.src, p.num = "osm", oid
        p.id = "osm:%d" % oid
        p.name = cname
        p.variants = Variants(cname)
        for s in others:
            p.variants.add(s)
        p.country = cc
        p.lat, p.lon = lat, lon
        p.population = to_int(pop) or None
        if is_state:
            p.feature = "admin1"
            p.code = "osm:state"
            p.admin1 = tabname or cname
            stats["admin1"] += 1
        else:
            p.feature = "site" if is_island else "locality"
            p.code = "osm:" + pv
        p.rank = OSM_RANK.get(pv, 9)
        osm_places.append(p)
    # OSM duplicates of each other (same folded name within 1 km, e.g. a node mapped twice):
    # keep the highest-ranked place (city > town > village ...), then the lowest id.
    osm_places.sort(key=lambda p: (p.rank, p.num))
    osm_grid = Grid()
    deduped = []
    for p in osm_places:
        if p.feature != "admin1":
            f = fold(p.name)
            best, _ = osm_grid.nearest(p.lat, p.lon, 1.0, lambda q, f=f: q.fold == f)
            if best is not None:
                for s in p.variants.all_names():
                    best.variants.add(s)
                stats["osm_dup"] += 1
                continue
            p.fold = f
            osm_grid.add(p.lat, p.lon, p)
            stats["kept"] += 1
        deduped.append(p)
    osm_places = deduped
    log("osm: merged into GeoNames %d (+%d new variants), merged into another OSM node %d, "
        "kept %d localities/islands, %d admin1 (%d merged into GeoNames ADM1), skipped %d other "
        "place values, %d generic names, %d without Latin name" % (
            stats["merged"], stats["variants_added"], stats["osm_dup"], stats["kept"], stats["admin1"],
            stats["admin1_merged"], stats["skipped_place"], stats["generic"], stats["no_latin_name"]))
    fill_admin_by_neighbour(osm_places, pool, log, "osm")
    # Size budget: OSM villages of Nigeria's southern zones (out of vigie's Sahel/Lake Chad/
    # Central Africa scope) are left out; their towns remain through GeoNames cities500.
    before = len(osm_places)
    osm_places = [p for p in osm_places
                  if not (p.country == "NG" and p.feature != "admin1" and p.admin1 in NG_SOUTH_STATES)]
    log("osm: dropped %d Nigerian villages of the southern states" % (before - len(osm_places)))
    # Divisions still without a position: an OSM locality named like the
    # division (Masisi), else the seat of ADMIN2_SEATS, looked up by name.
    osm_by_name = {}
    for q in osm_places:
        if q.feature == "locality":
            for n in q.variants.all_names():
                osm_by_name.setdefault((q.country, fold(n)), []).append(q)
    any_by_name = {}
    for q in places + osm_places:
        if q.feature == "locality" and q.lat is not None:
            any_by_name.setdefault((q.country, fold(q.name)), []).append(q)
    for p in places:
        if p.lat is not None:
            continue
        hits = osm_by_name.get((p.country, fold(division_core(p.name))), [])
        hits = [q for q in hits if not q.admin1 or q.admin1 == p.admin1]
        if not hits and p.num in ADMIN2_SEATS:
            hits = any_by_name.get((p.country, fold(ADMIN2_SEATS[p.num])), [])
        if hits:
            hits.sort(key=lambda q: (q.rank if q.src == "osm" else -1, -(q.population or 0), q.num))
            p.lat, p.lon = hits[0].lat, hits[0].lon
    missing = [p for p in places if p.lat is None]
    if missing:
        log("synthesised divisions without a position left out: " + ", ".join(
            "%s %s" % (p.name, p.country) for p in missing))
    places = [p for p in places if p.lat is not None]
    allp = places + osm_places
    allp.sort(key=lambda p: p.id)
    return allp


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

COMMAND = "python3 scripts/import_places.py --geonames ../shared/data/geonames --osm ../shared/data/osm --out gazetteers/ --words /usr/share/dict/french"
PLACES_COLUMNS = ["id", "name", "variants", "country", "admin1", "admin2", "lat", "lon",
                  "feature", "code", "population"]


def fmt_coord(x):
    s = "%.5f" % x
    return "0.00000" if s == "-0.00000" else s


def tsv_field(s):
    return s.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def write_places(path, places):
    head = [
        "# vigie place gazetteer: populated places, admin divisions, sites and regions (generated, do not edit)",
        "# Source: GeoNames dumps and cities500 (ids geonames:N) + OpenStreetMap place nodes, Geofabrik 2019 (ids osm:N)",
        "# Licence: ODbL 1.0 (derivative database of OpenStreetMap). Contains data from GeoNames (www.geonames.org), CC BY 4.0. (c) OpenStreetMap contributors",
        "# Generated by: " + COMMAND,
        "# Format: UTF-8, tab-separated, no quoting, sorted by id; variants are |-separated; lat/lon WGS84 decimal degrees; see gazetteers/README.md",
    ]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(head) + "\n")
        f.write("\t".join(PLACES_COLUMNS) + "\n")
        for p in places:
            f.write("\t".join(tsv_field(x) for x in [
                p.id, p.name, "|".join(v.replace("|", "/") for v in p.variants.items), p.country,
                p.admin1, p.admin2, fmt_coord(p.lat), fmt_coord(p.lon), p.feature, p.code,
                "" if p.population is None else str(p.population)]) + "\n")


def write_countries(path, country_ids, log):
    head = [
        "# vigie country gazetteer: French names, press variants and demonyms (generated, do not edit: change the COUNTRIES table in scripts/import_places.py)",
        "# Source: geonameid from GeoNames countryInfo.txt; French names, variants and demonyms hand-curated",
        "# Licence: geonameid column contains data from GeoNames (www.geonames.org), CC BY 4.0",
        "# Generated by: " + COMMAND,
        "# Format: UTF-8, tab-separated, no quoting, sorted by code; variants and demonyms are |-separated",
    ]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(head) + "\n")
        f.write("code\tgeonameid\tname_fr\tvariants\tdemonyms\n")
        for cc in sorted(COUNTRIES):
            name, variants, demonyms = COUNTRIES[cc]
            gid = country_ids.get(cc, "")
            if not gid:
                log("WARNING: no geonameid for %s in countryInfo.txt" % cc)
            f.write("\t".join([cc, gid, name, "|".join(variants), demonyms]) + "\n")
    log("countries.tsv: %d countries" % len(COUNTRIES))


def read_tsv(path):
    """Rows (dicts) of a gazetteer TSV: '#' comment lines, then a header row."""
    rows = []
    header = None
    for line in read_lines(path):
        if not line or line.startswith("#"):
            continue
        r = line.split("\t")
        if header is None:
            header = r
            continue
        rows.append(dict(zip(header, r)))
    return rows


def check_curated(out, places, log):
    ids = {p.id for p in places}
    extra_path = os.path.join(out, "place_extra.tsv")
    alias_path = os.path.join(out, "place_aliases.tsv")
    extra = read_tsv(extra_path) if os.path.exists(extra_path) else []
    aliases = read_tsv(alias_path) if os.path.exists(alias_path) else []
    for e in extra:
        if e["id"] in ids:
            log("WARNING: place_extra id %s clashes with places.tsv" % e["id"])
        ids.add(e["id"])
    bad = [a for a in aliases if a["id"] not in ids]
    for a in bad:
        log("WARNING: place_aliases: unknown id %s (alias %s)" % (a["id"], a["alias"]))
    log("curated: %d place_extra rows, %d place_aliases rows, %d alias ids unknown" % (
        len(extra), len(aliases), len(bad)))
    return extra, aliases


def common_key(s):
    return strip_accents(clean(s)).lower()


def write_common_words(out, words_path, places, extra, aliases, log):
    words = set()
    for line in read_lines(words_path):
        w = line.strip()
        if w and not w.startswith("#"):
            words.add(common_key(w))
    names = set()
    for p in places:
        for n in p.variants.all_names():
            names.add(common_key(n))
    for e in extra:
        names.add(common_key(e["name"]))
        for v in e["variants"].split("|"):
            if v:
                names.add(common_key(v))
    for a in aliases:
        names.add(common_key(a["alias"]))
    hits = sorted(names & words)
    head = [
        "# Place names and variants (places.tsv, place_extra.tsv, place_aliases.tsv) that are also French words:",
        "# the matcher should accept them as places only with context (capital letter, preposition, admin/country cue).",
        "# Word list: Debian package wfrench (/usr/share/dict/french, Paul Leyland's French word list), GPL-2+",
        "# Form: lowercase, accents stripped, apostrophes as ' (hyphens and spaces kept); one per line, sorted",
        "# Generated by: " + COMMAND,
    ]
    path = os.path.join(out, "place_common_words.txt")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(head) + "\n")
        for h in hits:
            f.write(h + "\n")
    log("place_common_words.txt: %d words (word list: %d entries)" % (len(hits), len(words)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--geonames", required=True, help="directory with the GeoNames files")
    ap.add_argument("--osm", required=True, help="directory with the OSM XX.tsv files")
    ap.add_argument("--out", required=True, help="output directory (gazetteers/)")
    ap.add_argument("--words", help="French word list (e.g. /usr/share/dict/french from wfrench); "
                                    "regenerates place_common_words.txt")
    args = ap.parse_args(argv)

    def log(msg):
        print(msg, flush=True)

    os.makedirs(args.out, exist_ok=True)
    places = build(args, log)
    ppath = os.path.join(args.out, "places.tsv")
    write_places(ppath, places)
    write_countries(os.path.join(args.out, "countries.tsv"), load_country_ids(args.geonames), log)
    extra, aliases = check_curated(args.out, places, log)
    if args.words:
        write_common_words(args.out, args.words, places, extra, aliases, log)

    # counts
    per = {}
    for p in places:
        c = per.setdefault(p.country, {"geonames": 0, "osm": 0})
        c[p.src] += 1
    feats = {}
    for p in places:
        feats[p.feature] = feats.get(p.feature, 0) + 1
    log("places.tsv: %d rows, %d bytes" % (len(places), os.path.getsize(ppath)))
    log("  by feature: " + ", ".join("%s %d" % (k, feats[k]) for k in sorted(feats)))
    log("  country  geonames      osm    total")
    for cc in sorted(per):
        c = per[cc]
        log("  %-7s %9d %8d %8d" % (cc, c["geonames"], c["osm"], c["geonames"] + c["osm"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
