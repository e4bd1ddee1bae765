#!/usr/bin/env python3
"""Benchmarks and budgets: `make bench`. Prints one table and writes bench/results.json.

Everything is measured side by side with a stock Material build of the same Markdown (our hooks,
templates and quiz removed), in one run, so a noisy machine does not fool the comparison.

1. Build cost: both sites built several times, alternating (ours with and without its bundles
   cached); medians and ratio (budget <= 1.10, with them cached);
   and under `mkdocs serve`, the time from saving a page to the rebuilt page being served.
2. Page weight: home, a flag page and the quiz, in both languages: HTML, CSS and JS, raw and
   gzipped, against stock. The quiz page's own JS and CSS at most 11 KB gzipped (with the
   drafted message, the verdict's two halves and saves in IndexedDB transactions); every page
   within 5 % of the stock page plus its own content (the quiz, the call to action).
3. Lighthouse (npm, Debian's Chromium, mobile) on the same six pages, served gzip-compressed as
   GitHub Pages serves them; target 100, defect below 98.
4. Interaction: last answer to rendered result, on the real quiz and a generated 1,000-question
   quiz; median below 16 ms. And the saved-prospects page holding the largest file it imports
   (1 MB, some 4,000 prospects): importing it, opening the page, deleting
   a prospect and undoing, each to the laid-out list, within a second (the limit for a reader's
   flow of thought).
5. Scale: validating generated quizzes of 250 to 2,000 questions; doubling at most about doubles.

Options: --quick skips Lighthouse (it needs npm and takes a few minutes).
"""

from __future__ import annotations

import gc
import gzip
import itertools
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz.rules import guide_pages, validate_quiz  # noqa: E402
from quiz.site.assets import CACHE as BUNDLE_CACHE  # noqa: E402
from quiz.site.preview import (  # noqa: E402
    CHROMIUM_ARGS,
    chromium_path,
    copy_project,
    fetch,
    live_server,
    serve,
    site_path,
    wait_until,
)
from quiz.synthetic import synthetic_messages, synthetic_quiz, write_synthetic_quiz  # noqa: E402

BUILD_RUNS = 5
RELOAD_RUNS = 3
PAGES = ["", "flags/boundaries/", "quiz/"]
LIGHTHOUSE_VERSION = "13.5.0"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_CACHE = ROOT / ".cache" / "lighthouse"
SIZES = (250, 500, 1000, 2000)
BUDGETS = {
    "build ratio": 1.10,
    "quiz page JS + CSS gzipped": 11 * 1024,
    "page overhead": 0.05,
    "lighthouse": 98,
    "interaction ms": 16.0,
    "workspace ms": 1000.0,
    "validate 1,000 s": 1.0,
    "doubling": 2.5,
}


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    report = Report()
    flags = sorted(guide_pages(ROOT / "docs" / "flags"))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        stock = make_stock_project(work / "stock")
        bench_build(report, stock, work)
        bench_reload(report, {"ours": copy_project(work / "serve-ours"), "stock": stock}, work)
        ports = {"ours": free_port(), "stock": free_port()}
        bases = {name: f"http://127.0.0.1:{port}{site_path()}" for name, port in ports.items()}
        ours_site, stock_site = work / "ours-site", work / "stock-site"
        build(ROOT, ours_site, {"SITE_URL": bases["ours"]})
        build(stock, stock_site, {"SITE_URL": bases["stock"]})
        bench_weight(report, ours_site, stock_site)
        if not quick:
            # Compressed, as GitHub Pages serves them: what readers get.
            with (
                serve(ours_site, site_path(), port=ports["ours"], compress=True),
                serve(stock_site, site_path(), port=ports["stock"], compress=True),
            ):
                bench_lighthouse(report, bases, work)
        big = make_big_quiz_project(work / "big", flags)
        big_site = work / "big-site"
        build(big, big_site, {})
        with serve(ours_site, site_path()) as real_url, serve(big_site, site_path()) as big_url:
            real, _ = validate_quiz(ROOT / "quiz" / "quiz.yml", ROOT / "docs" / "flags")
            count = len(list(real.questions()))
            bench_interaction(
                report,
                {
                    f"real quiz ({count} questions)": real_url,
                    "generated quiz (1,000 questions)": big_url,
                },
            )
            bench_workspace(report, real_url, real)
    bench_scale(report, flags)
    return report.finish()


# ---------------------------------------------------------------------------- measurements


def bench_build(report: Report, stock: Path, work: Path) -> None:
    """Ours twice per round: with no bundles cached (a fresh clone, CI, or an edit to
    quiz/web/), then with them (every other build: an edit to the Markdown, the templates or
    the quiz data). The budget holds the second, what a maintainer waits for most often."""
    times: dict[str, list[float]] = {"cold": [], "ours": [], "stock": []}
    for _ in range(BUILD_RUNS):
        for name, project in (("cold", ROOT), ("ours", ROOT), ("stock", stock)):
            if name == "cold":
                shutil.rmtree(BUNDLE_CACHE, ignore_errors=True)
            start = time.perf_counter()
            build(project, work / f"timing-{name}", {})
            times[name].append(time.perf_counter() - start)
    cold, ours = statistics.median(times["cold"]), statistics.median(times["ours"])
    base = statistics.median(times["stock"])
    report.add("build", "full bilingual site, bundles cached, median", f"{ours:.2f} s")
    report.add("build", "the same, no bundles cached (esbuild, terser)", f"{cold:.2f} s")
    report.add("build", "stock Material, same Markdown, median", f"{base:.2f} s")
    report.check("build", "ratio", ours / base, "build ratio", f"{ours / base:.2f}")
    report.add("build", "ratio with no bundles cached", f"{cold / base:.2f}")
    report.data["build"] = times


def bench_reload(report: Report, projects: dict[str, Path], work: Path) -> None:
    """Under `mkdocs serve`: from saving a page to the rebuilt page being served, median."""
    times: dict[str, list[float]] = {}
    for name, project in projects.items():
        page = project / "docs" / "terms.md"
        times[name] = []
        with live_server(project, work / f"serve-{name}.log") as base:
            for run in range(RELOAD_RUNS):
                # Let the server settle (the first build's own writes, the last reload).
                time.sleep(3)
                marker = f"reload-marker-{run}"
                text = page.read_text(encoding="utf-8")
                start = time.perf_counter()
                page.write_text(text.replace("\n# ", f"\n# {marker} ", 1), encoding="utf-8")
                if not wait_until(
                    lambda marker=marker: marker in fetch(base + "terms/"), 120, interval=0.02
                ):
                    raise RuntimeError(f"mkdocs serve of {name} did not show an edit within 120 s")
                times[name].append(time.perf_counter() - start)
    ours, base = statistics.median(times["ours"]), statistics.median(times["stock"])
    report.add("build", "save a page to rebuilt page (make serve), median", f"{ours:.2f} s")
    report.add("build", "the same, stock Material", f"{base:.2f} s")
    report.data["reload"] = times


def bench_weight(report: Report, ours_site: Path, stock_site: Path) -> None:
    weights = {}
    for prefix in ("", "ko/"):
        for page in PAGES:
            name = (prefix + page) or "/"
            ours = page_weight(ours_site, prefix + page)
            stock = page_weight(stock_site, prefix + page)
            own = own_content(ours_site, prefix + page)
            weights[name] = {"ours": ours, "stock": stock, "own_gzip": own}
            allowed = stock["total_gzip"] * (1 + BUDGETS["page overhead"]) + own
            overhead = (ours["total_gzip"] - own) / stock["total_gzip"] - 1
            report.add(
                "weight",
                f"{name} html/css/js gz (stock)",
                f"{ours['html_gzip']:,}/{ours['css_gzip']:,}/{ours['js_gzip']:,} B "
                f"({stock['html_gzip']:,}/{stock['css_gzip']:,}/{stock['js_gzip']:,})",
            )
            report.check(
                "weight",
                f"{name} beyond stock + own content",
                ours["total_gzip"] / allowed if allowed else 0,
                None,
                f"{overhead * 100:+.1f} %",
                ok=ours["total_gzip"] <= allowed,
                budget=f"<= +{BUDGETS['page overhead']:.0%}",
            )
    quiz_assets = sum(
        gzip_size((ours_site / "assets" / name).read_bytes()) for name in ("quiz.js", "quiz.css")
    )
    report.check(
        "weight",
        "quiz page's own JS + CSS gzipped",
        quiz_assets,
        "quiz page JS + CSS gzipped",
        f"{quiz_assets:,} B",
    )
    report.data["weight"] = weights


def bench_lighthouse(report: Report, bases: dict[str, str], work: Path) -> None:
    cli = install_lighthouse()
    scores = {}
    for prefix in ("", "ko/"):
        for page in PAGES:
            name = (prefix + page) or "/"
            ours = lighthouse(cli, bases["ours"] + prefix + page, work)
            stock = lighthouse(cli, bases["stock"] + prefix + page, work)
            scores[name] = {"ours": ours, "stock": stock}
            low = min(ours["categories"].values())
            shown = "/".join(str(ours["categories"][key]) for key in CATEGORIES)
            shown += (
                " (stock " + "/".join(str(stock["categories"][key]) for key in CATEGORIES) + ")"
            )
            report.check(
                "lighthouse",
                f"{name} perf/a11y/bp/seo",
                low,
                "lighthouse",
                shown,
                ok=low >= BUDGETS["lighthouse"],
                budget="100 each (>= 98)",
            )
    report.data["lighthouse"] = scores


def lighthouse(cli: Path, url: str, work: Path) -> dict:
    """Lighthouse's mobile profile on one page: the category scores and the audits below 100."""
    out = work / "lighthouse.json"
    subprocess.run(
        [
            "node",
            str(cli),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=" + ",".join(CATEGORIES),
            "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
        ],
        env={**os.environ, "CHROME_PATH": chromium_path()},
        check=True,
        capture_output=True,
        text=True,
    )
    result = json.loads(out.read_text(encoding="utf-8"))
    return {
        "categories": {key: round(result["categories"][key]["score"] * 100) for key in CATEGORIES},
        "below_full_marks": [
            audit["id"]
            for audit in result["audits"].values()
            if audit.get("score") is not None
            and audit["score"] < 1
            and audit.get("scoreDisplayMode") in ("binary", "numeric")
        ],
    }


def bench_interaction(report: Report, urls: dict[str, str]) -> None:
    from playwright.sync_api import sync_playwright

    measure = """async (runs) => {
      const form = document.querySelector("form[data-quiz]");
      const names = [
        ...new Set([...form.querySelectorAll("input[type=radio]")].map((input) => input.name))
      ];
      const last = names[names.length - 1];
      for (const name of names.slice(0, -1))
        form.querySelector(`input[name="${name}"]`).checked = true;
      const options = [...form.querySelectorAll(`input[name="${last}"]`)];
      const result = document.querySelector("[data-quiz-result]");
      const samples = [];
      for (let run = 0; run < runs; run += 1) {
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const start = performance.now();
        const option = options[run % options.length];
        option.checked = true;
        option.dispatchEvent(new Event("change", { bubbles: true }));
        form.requestSubmit();
        void result.offsetHeight;  // style and layout of the rendered result
        samples.push(performance.now() - start);
      }
      return samples;
    }"""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        timings = {}
        for name, url in urls.items():
            page = browser.new_page()
            page.goto(url + "quiz/", wait_until="networkidle")
            # The script is set up.
            page.locator("[data-quiz-scope-ready]").wait_for(state="attached")
            samples = page.evaluate(measure, 41)[1:]  # the first run also warms the engine up
            timings[name] = samples
            median = statistics.median(samples)
            report.check(
                "interaction", f"{name}, median", median, "interaction ms", f"{median:.1f} ms"
            )
        browser.close()
    report.data["interaction_ms"] = timings


# In the page: start the action, then stop the clock once the status line says it is done and
# the list is laid out. The file is made in the page, as a reader's chosen file would be.
_WORKSPACE_ACTION = """async ([action, text]) => {
  const root = document.querySelector("[data-prospects]");
  const status = root.querySelector("[data-prospects-status]");
  status.textContent = "";
  const said = new Promise((resolve) =>
    new MutationObserver((_, observer) => { observer.disconnect(); resolve(); })
      .observe(status, { childList: true, characterData: true, subtree: true }));
  const start = performance.now();
  if (action === "import") {
    const input = root.querySelector('input[type=file][data-action="import"]');
    const files = new DataTransfer();
    files.items.add(new File([text], "prospects.json", { type: "application/json" }));
    input.files = files.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  } else {
    root.querySelector(action === "delete" ? '[data-saved-prospect] [data-action="delete"]'
      : '[data-action="undo"]').click();
  }
  await said;
  void document.body.offsetHeight;  // style and layout of the changed list
  return [performance.now() - start, status.textContent];
}"""

# From the start of navigation to the list shown and laid out (the page marks itself ready).
_WORKSPACE_OPEN = """() => new Promise((resolve) => {
  const root = document.querySelector("[data-prospects]");
  const done = () => { void document.body.offsetHeight; resolve(performance.now()); };
  if (root.hasAttribute("data-prospects-ready")) return done();
  new MutationObserver((_, observer) => {
    if (root.hasAttribute("data-prospects-ready")) { observer.disconnect(); done(); }
  }).observe(root, { attributes: true });
})"""


def bench_workspace(report: Report, url: str, quiz) -> None:
    """The saved-prospects page with the largest file it imports: import, open, delete, undo."""
    from playwright.sync_api import sync_playwright

    text = largest_import(quiz)
    timings: dict[str, list[float]] = {"import": [], "open": [], "delete": [], "undo": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for _ in range(3):
            context = browser.new_context()  # an empty database each run
            page = context.new_page()
            page.goto(url + "prospects/", wait_until="networkidle")
            page.evaluate(_WORKSPACE_OPEN)
            elapsed, said = page.evaluate(_WORKSPACE_ACTION, ["import", text])
            assert "Nothing was changed" not in said and "could not" not in said, said
            timings["import"].append(elapsed)
            page.reload()
            timings["open"].append(page.evaluate(_WORKSPACE_OPEN))
            for action in ("delete", "undo"):
                timings[action].append(page.evaluate(_WORKSPACE_ACTION, [action, ""])[0])
            context.close()
        browser.close()
    count = len(json.loads(text)["prospects"])
    for action, samples in timings.items():
        median = statistics.median(samples)
        report.check(
            "workspace",
            f"{action}, {count:,} prospects in {len(text) / 1024:,.0f} KB",
            median,
            "workspace ms",
            f"{median:,.0f} ms",
        )
    report.data["workspace_ms"] = timings


def largest_import(quiz) -> str:
    """An export file just under the import limit (prospects.js, MAX_IMPORT_BYTES) holding as
    many prospects as fit (the most rows to lay out): each with three questions answered, saved
    a second apart."""
    questions = [question for _, question in quiz.questions()][:3]
    prospects: list[dict] = []
    limit = 1024 * 1024 - 4096

    def answers(seed: int) -> dict:
        return {q.id: q.options[(seed + i) % len(q.options)].id for i, q in enumerate(questions)}

    def body() -> str:
        return json.dumps(
            {
                "format": "client-red-flags/prospects",
                "version": 2,
                "exported": "2026-11-30T00:00:00.000Z",
                "prospects": prospects,
            }
        )

    size = 0
    while size < limit:
        n = len(prospects)
        when = f"2026-01-01T{n // 3600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d}.000Z"
        prospects.append(
            {
                "id": f"p-{n:010d}",
                "name": f"Prospect {n}",
                "created": "2026-01-01T00:00:00.000Z",
                "updated": when,
                "answers": answers(n),
                "history": [],
            }
        )
        size += len(json.dumps(prospects[-1])) + 2
    prospects.pop()
    return body()


def bench_scale(report: Report, flags: list[str]) -> None:
    timings = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            path = write_synthetic_quiz(Path(folder) / f"quiz-{size}.yml", size, flags)
            samples = []
            for _ in range(5):
                gc.collect()  # each run starts from the same heap, not the last run's garbage
                start = time.perf_counter()
                _, problems = validate_quiz(path, ROOT / "docs" / "flags")
                samples.append(time.perf_counter() - start)
                assert not problems, problems
            timings[size] = statistics.median(samples)
    for size in SIZES:
        if size == 1000:
            report.check(
                "scale",
                f"validate {size:,} questions",
                timings[size],
                "validate 1,000 s",
                f"{timings[size] * 1000:,.0f} ms",
            )
        else:
            report.add("scale", f"validate {size:,} questions", f"{timings[size] * 1000:,.0f} ms")
    for small, large in itertools.pairwise(SIZES):
        ratio = timings[large] / timings[small]
        report.check(
            "scale",
            f"time x{large // small} ({small:,} -> {large:,})",
            ratio,
            "doubling",
            f"{ratio:.2f}",
        )
    report.data["validate_seconds"] = timings


# ---------------------------------------------------------------------------- helpers


class Report:
    """Rows for the table, figures for the JSON file, and the budgets missed."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []
        self.data: dict = {}
        self.missed: list[str] = []

    def add(self, group: str, name: str, value: str) -> None:
        self.rows.append((group, name, value, ""))

    def check(self, group, name, measured, budget_key, shown, ok=None, budget=None) -> None:
        limit = BUDGETS.get(budget_key) if budget_key else None
        if ok is None:
            ok = measured >= limit if budget_key == "lighthouse" else measured <= limit
        budget = budget or (f">= {limit}" if budget_key == "lighthouse" else f"<= {limit:,}")
        if not ok:
            self.missed.append(f"{group}: {name} = {shown} (budget {budget})")
        self.rows.append((group, name, shown, ("ok " if ok else "MISSED ") + budget))

    def finish(self) -> int:
        width = max(len(row[1]) for row in self.rows)
        value_width = max(len(row[2]) for row in self.rows)
        group = None
        for row_group, name, value, budget in self.rows:
            if row_group != group:
                print(f"\n{row_group}")
                group = row_group
            print(f"  {name:<{width}}  {value:>{value_width}}  {budget}")
        self.data["missed"] = self.missed
        out = ROOT / "bench" / "results.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(self.data, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"\nwrote {out.relative_to(ROOT)}; {len(self.missed)} budget(s) missed")
        for line in self.missed:
            print("  " + line)
        return 1 if self.missed else 0


def build(project: Path, site: Path, env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"build of {project} failed:\n{result.stderr}")


def make_stock_project(target: Path) -> Path:
    """The same Markdown and configuration, minus our hooks, templates, styles and quiz."""
    shutil.copytree(ROOT / "docs", target / "docs")
    for page in (target / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"(?m)^template: .*\n", "", text), encoding="utf-8")
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    kept, index = [], 0
    while index < len(lines):
        line = lines[index]
        if line.strip() in ("custom_dir: overrides", "favicon: assets/favicon.svg"):
            index += 1
        elif line.rstrip() in ("hooks:", "extra_css:", "watch:"):
            index += 1  # the key and its list items
            while index < len(lines) and lines[index].startswith("  - "):
                index += 1
        elif line.strip().startswith("# `make offline`"):
            index += 3  # the comment and the offline plugin
        else:
            kept.append(line)
            index += 1
    (target / "mkdocs.yml").write_text("".join(kept), encoding="utf-8")
    return target


def make_big_quiz_project(target: Path, flags: list[str]) -> Path:
    """A copy of the project whose quiz has 1,000 generated questions, with message blocks to
    match."""
    copy_project(target)  # with the project's build tools, linked
    data = synthetic_quiz(1000, flags)
    (target / "quiz" / "quiz.yml").write_text(
        json.dumps(data, ensure_ascii=False), encoding="utf-8"
    )
    (target / "quiz" / "messages.yml").write_text(
        json.dumps(synthetic_messages(data), ensure_ascii=False), encoding="utf-8"
    )
    return target


def page_weight(site: Path, page: str) -> dict:
    html_path = site / page / "index.html"
    html = html_path.read_bytes()
    text = html.decode("utf-8")
    sizes = {
        "html": len(html),
        "html_gzip": gzip_size(html),
        "css": 0,
        "css_gzip": 0,
        "js": 0,
        "js_gzip": 0,
    }
    for kind, pattern in (
        ("css", r'<link rel="stylesheet" href="([^"]+)"'),
        ("js", r'<script src="([^"]+)"'),
    ):
        for url in re.findall(pattern, text):
            if "://" in url:
                continue
            data = (html_path.parent / url).resolve().read_bytes()
            sizes[kind] += len(data)
            sizes[f"{kind}_gzip"] += gzip_size(data)
    sizes["total_gzip"] = sizes["html_gzip"] + sizes["css_gzip"] + sizes["js_gzip"]
    return sizes


def own_content(site: Path, page: str) -> int:
    """Gzipped bytes a page adds on purpose: the quiz (markup, data, script, styles) or the
    flag pages' call to action."""
    text = (site / page / "index.html").read_text(encoding="utf-8")
    own = 0
    for start, end in (
        ('<div class="crf-quiz" data-quiz-scope>', "</script>\n  </div>"),
        ('<aside class="admonition tip crf-cta"', "</aside>"),
    ):
        begin = text.find(start)
        if begin >= 0:
            own += gzip_size(text[begin : text.find(end, begin) + len(end)].encode("utf-8"))
    if "data-quiz-scope" in text:
        own += sum(
            gzip_size((site / "assets" / name).read_bytes()) for name in ("quiz.js", "quiz.css")
        )
    return own


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def install_lighthouse() -> Path:
    cli = LIGHTHOUSE_CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.is_file():
        LIGHTHOUSE_CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(LIGHTHOUSE_CACHE),
                f"lighthouse@{LIGHTHOUSE_VERSION}",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    return cli


if __name__ == "__main__":
    sys.exit(main(sys.argv))
