"""The built site as files: page sets, sections, links, anchors, languages and the sitemap."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import material

from quiz.site.page_rules import FLAG_SECTIONS
from quiz.site.settings import load_site_config
from tests.support.html import parse
from tests.support.site import ROOT, nav_flag_ids

CONFIG = load_site_config(ROOT / "mkdocs.yml")
SITE_URL = CONFIG.site_url


def test_the_navigation_lists_the_ten_flag_pages_in_the_docs():
    on_disk = sorted(
        path.stem for path in (ROOT / "docs" / "flags").glob("*.md") if path.suffixes == [".md"]
    )
    assert sorted(nav_flag_ids()) == on_disk
    assert len(on_disk) == 10


def test_both_languages_have_identical_page_sets(page_paths):
    korean = sorted(path[len("ko/") :] for path in page_paths if path.startswith("ko/"))
    english = sorted(path for path in page_paths if not path.startswith("ko/"))
    assert korean == english
    assert len(english) >= 12


def test_every_flag_page_has_the_five_section_ids_in_order_in_both_languages(built_site):
    for flag in nav_flag_ids():
        for prefix in ("", "ko/"):
            page = built_site / prefix / "flags" / flag / "index.html"
            html = page.read_text(encoding="utf-8")
            positions = [html.find(f'<h2 id="{section}"') for section in FLAG_SECTIONS]
            assert -1 not in positions, page
            assert positions == sorted(positions), page


def test_every_internal_link_and_anchor_resolves(built_site):
    broken = []
    parsed = {}
    for page in sorted(built_site.rglob("*.html")):
        page_url = SITE_URL + page.relative_to(built_site).as_posix()
        for _tag, _rel, url in _parsed(page, parsed).urls:
            target, fragment = _resolve(page_url, url)
            if target is None:
                continue
            file = built_site / target
            if file.is_dir() or target.endswith("/") or target == "":
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{page.relative_to(built_site)}: {url} (no file)")
            elif fragment and file.suffix == ".html" and fragment not in _parsed(file, parsed).ids:
                broken.append(f"{page.relative_to(built_site)}: {url} (no anchor)")
    assert broken == []


def test_pages_carry_no_hreflang_links_that_make_material_fetch_missing_sitemaps(built_site):
    for page in built_site.rglob("index.html"):
        assert all("alternate" not in rel for _, rel, _ in parse(page).urls), page


def test_sitemap_lists_every_page_with_absolute_reciprocal_hreflang(built_site, page_paths):
    namespaces = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    tree = ElementTree.parse(built_site / "sitemap.xml")
    alternates = {}
    for url in tree.getroot().findall("s:url", namespaces):
        loc = url.find("s:loc", namespaces).text
        links = {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces)
        }
        alternates[loc] = links
    assert sorted(alternates) == sorted(SITE_URL + path for path in page_paths)
    for loc, links in alternates.items():
        assert set(links) == {"en", "ko"}, loc
        assert loc in links.values(), loc
        for href in links.values():
            assert href.startswith(SITE_URL), href
            assert alternates[href] == links, href


def test_no_page_links_to_a_sitemap_under_a_language_folder(built_site):
    assert not (built_site / "ko" / "sitemap.xml").exists()
    for page in (built_site / "ko").rglob("*.html"):
        assert "sitemap.xml" not in page.read_text(encoding="utf-8"), page


def test_every_page_searches_its_own_language_with_the_installed_materials_worker(built_site):
    """Material's settings on each page: `base` at the page's language folder (where its search
    index is), and the search worker that the installed Material ships, present in the site."""
    workers = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    [worker] = [path.name for path in workers.glob("search.*.min.js")]
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        relative = page.relative_to(built_site).as_posix()
        page_url = SITE_URL + relative
        found = re.search(
            r'<script id="__config" type="application/json">(.*?)</script>',
            page.read_text(encoding="utf-8"),
            re.S,
        )
        assert found, relative
        settings = json.loads(found.group(1))
        folder = "ko/" if relative.startswith("ko/") else ""
        assert urljoin(page_url, settings["base"].rstrip("/") + "/") == SITE_URL + folder, relative
        search = urljoin(page_url, settings["search"])
        assert search == SITE_URL + "assets/javascripts/workers/" + worker, relative
        assert (built_site / "assets" / "javascripts" / "workers" / worker).is_file()


def _parsed(path: Path, cache: dict):
    if path not in cache:
        cache[path] = parse(path)
    return cache[path]


def _resolve(page_url: str, url: str) -> tuple[str | None, str]:
    """The site-relative file path a URL points to (None when it leaves the site) and its
    fragment."""
    if url.startswith(("mailto:", "javascript:", "data:")):
        return None, ""
    absolute = urljoin(page_url, url)
    if not absolute.startswith(SITE_URL):
        assert urlsplit(absolute).scheme == "https", f"insecure or odd link {url} on {page_url}"
        return None, ""
    parts = urlsplit(absolute[len(SITE_URL) :])
    return unquote(parts.path), unquote(parts.fragment)


def test_korean_headings_get_readable_unicode_anchors(tmp_path):
    from quiz.site.pages import markdown_renderer, settings_from_config

    render = markdown_renderer(settings_from_config(CONFIG))
    _, toc = render("## 계약 전에 확인할 것\n\n## Plain English\n")
    assert [token["id"] for token in toc] == ["계약-전에-확인할-것", "plain-english"]


def test_korean_pages_link_to_korean_pages(built_site):
    """Only the language switcher may lead a Korean reader to an English page."""
    strays = []
    for page in sorted((built_site / "ko").rglob("index.html")):
        page_url = SITE_URL + page.relative_to(built_site).as_posix()
        parser = parse(page)
        for tag, _rel, url in parser.urls:
            target, _ = _resolve(page_url, url)
            if (
                tag != "a"
                or target is None
                or target.startswith(("assets/", "ko/"))
                or url in parser.switcher
            ):
                continue
            strays.append(f"{page.relative_to(built_site)}: {url}")
    assert strays == []


class _BlockLinks(HTMLParser):
    """Links grouped by the table or paragraph they stand in, with that block's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, list[tuple[str, str]]]] = []
        self._block: list | None = None
        self._link: list | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "table") and self._block is None:
            self._block = [tag, "", []]
        elif tag == "a" and self._block is not None:
            self._link = [dict(attrs).get("href", ""), ""]

    def handle_data(self, data):
        if self._block is not None:
            self._block[1] += data
        if self._link is not None:
            self._link[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None and self._block is not None:
            self._block[2].append(tuple(self._link))
            self._link = None
        elif self._block is not None and tag == self._block[0]:
            self.blocks.append((self._block[0] + ":" + self._block[1].strip(), self._block[2]))
            self._block = None


def _title(page: Path) -> str:
    return re.search(r"<h1[^>]*>(.*?)<", page.read_text(encoding="utf-8"), re.S).group(1).strip()


def test_flag_lists_name_each_flag_by_its_title(built_site):
    """The home page's table and every "Related" line use the flag pages' own titles."""
    wrong = []
    homes = [built_site / "index.html", built_site / "ko" / "index.html"]
    for page in homes + sorted(built_site.glob("**/flags/*/index.html")):
        parser = _BlockLinks()
        parser.feed(page.read_text(encoding="utf-8"))
        for block, links in parser.blocks:
            if not (block.startswith("table:") or block.startswith(("p:Related:", "p:함께 읽기:"))):
                continue
            for href, text in links:
                target = (page.parent / href.split("#")[0] / "index.html").resolve()
                if (
                    "/flags/" in target.as_posix()
                    and target.is_file()
                    and text.strip() != _title(target)
                ):
                    wrong.append(
                        f"{page.relative_to(built_site)}: '{text.strip()}' for '{_title(target)}'"
                    )
    assert wrong == []


def test_pages_that_suggest_terms_carry_the_one_legal_note_and_no_other_page_does(built_site):
    from quiz.site.page_rules import needs_legal_note
    from quiz.site.strings import translator

    stems = sorted(
        {
            path.relative_to(ROOT / "docs").as_posix().split(".")[0]
            for path in (ROOT / "docs").rglob("*.md")
        }
    )
    assert {"terms", "after-signing", "decline"} <= set(stems)
    for stem in stems:
        for prefix, language in (("", "en"), ("ko/", "ko")):
            folder = built_site / prefix if stem == "index" else built_site / prefix / stem
            html = (folder / "index.html").read_text(encoding="utf-8")
            notes = re.findall(r"<aside[^>]*data-legal-note[^>]*>(.*?)</aside>", html, flags=re.S)
            if not needs_legal_note(stem):
                assert notes == [], f"{prefix}{stem}"
                continue
            assert len(notes) == 1, f"{prefix}{stem}"
            text = " ".join(re.sub(r"<[^>]+>", " ", notes[0]).split())
            t = translator(language)
            assert text == " ".join(f"{t('legal.title')} {t('legal.note')}".split()), (
                f"{prefix}{stem}"
            )


def test_the_decline_guide_has_a_fully_booked_message_in_both_languages(built_site):
    for prefix in ("", "ko/"):
        html = (built_site / prefix / "decline" / "index.html").read_text(encoding="utf-8")
        section = html.split('id="fully-booked"', 1)
        assert len(section) == 2, prefix
        assert "<blockquote>" in section[1].split("<h3", 1)[0], prefix


class _Meta(HTMLParser):
    """Every <meta property|name content> of a page, in order, as (key, content) pairs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pairs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        key = attributes.get("property") or attributes.get("name")
        if tag == "meta" and key:
            self.pairs.append((key, attributes.get("content") or ""))


def _meta(page: Path) -> list[tuple[str, str]]:
    parser = _Meta()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.pairs


def _front_matter(page_path: str) -> dict:
    """The front matter of the Markdown page a site path ('ko/flags/vision/') was built from."""
    import yaml

    language = "ko" if page_path.startswith("ko/") else "en"
    stem = page_path[len("ko/") :] if language == "ko" else page_path
    stem = stem.rstrip("/") or "index"
    source = ROOT / "docs" / (f"{stem}.ko.md" if language == "ko" else f"{stem}.md")
    return yaml.safe_load(source.read_text(encoding="utf-8").split("---")[1])


OG_LOCALES = {"en": "en_US", "ko": "ko_KR"}


def test_every_page_has_a_link_preview_in_its_own_language(built_site, page_paths):
    from quiz.site.strings import translator

    names = {
        language.locale: language.site_name or CONFIG.site_name
        for language in CONFIG.plugins["i18n"].config.languages
    }
    pages = [(path, built_site / path / "index.html") for path in page_paths]
    pages += [("404", built_site / "404.html"), ("ko/404", built_site / "ko" / "404.html")]
    for path, page in pages:
        language = "ko" if path.startswith("ko/") else "en"
        meta = _meta(page)
        found = dict(meta)
        if not path.endswith("404"):
            front = _front_matter(path)
            assert found["og:title"] == front["title"], path
            assert found["og:description"] == front["description"] == found["description"], path
            assert found["og:url"] == SITE_URL + path, path
        assert found["og:locale"] == OG_LOCALES[language], path
        assert [content for key, content in meta if key == "og:locale:alternate"] == [
            locale for other, locale in OG_LOCALES.items() if other != language
        ], path
        image = found["og:image"]
        assert image == f"{SITE_URL}assets/preview-{language}.png", path
        assert (built_site / image[len(SITE_URL) :]).is_file(), path
        assert (found["og:image:width"], found["og:image:height"]) == ("1200", "630"), path
        assert (
            found["og:image:alt"] == f"{names[language]}: {translator(language)('og.image.line')}"
        ), path
        assert found["twitter:card"] == "summary_large_image", path


def test_the_preview_images_are_committed_1200_by_630_pngs_one_per_language():
    from PIL import Image

    images = sorted((ROOT / "docs" / "assets").glob("preview-*.png"))
    assert [image.name for image in images] == [
        f"preview-{language}.png" for language in sorted(OG_LOCALES)
    ]
    for path in images:
        with Image.open(path) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630)), path.name


def test_the_terms_page_shows_each_flag_s_clauses_as_the_message_blocks_map_them(built_site):
    """The table of terms by flag is generated (quiz/site/terms.py): a row per flag of the quiz, in
    its order, linking its page by the page's title, then its clauses in the page's order, each
    linking its section by its short name; in both languages."""
    from quiz.messages import load_messages
    from quiz.site.strings import translator
    from tests.support.quiz import real_quiz

    messages = load_messages()[0]
    order = list(messages.clauses)
    for prefix, language in (("", "en"), ("ko/", "ko")):
        html = (built_site / prefix / "terms" / "index.html").read_text(encoding="utf-8")
        section = html[html.index('<h2 id="by-flag"') :]
        table = ElementTree.fromstring(
            section[section.index("<table>") : section.index("</table>") + 8]
        )
        t = translator(language)
        assert [th.text for th in table.iter("th")] == [
            t("terms.table.flag"),
            t("terms.table.terms"),
        ], prefix
        expected = []
        for flag in real_quiz().flags:
            row = [(f"../flags/{flag.id}/", _front_matter(f"{prefix}flags/{flag.id}/")["title"])]
            for clause in sorted(messages.flags[flag.id].terms, key=order.index):
                text = messages.clauses[clause].short or messages.clauses[clause].title
                row.append((f"#{clause}", text.get(language)))
            expected.append(row)
        rows = [[(a.get("href"), a.text) for a in row.iter("a")] for row in table.find("tbody")]
        assert rows == expected, prefix
