"""The site's MkDocs hooks: each event is a short pipeline into the `quiz` package."""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads this file by path; make the project's `quiz` package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError  # noqa: E402

from quiz.bundle import prepare_offline_copy, write_bundles  # noqa: E402
from quiz.content import check_content, settings_from_config  # noqa: E402
from quiz.csp import with_policy  # noqa: E402
from quiz.problems import format_problems  # noqa: E402
from quiz.strings import is_default_language_build, localizer, translator  # noqa: E402
from quiz.validation import checked_quiz  # noqa: E402
from quiz.view import QuizView  # noqa: E402


def on_config(config):
    if config.plugins["material/offline"].config.enabled:
        prepare_offline_copy(config)
    return config


def on_pre_build(*, config):
    if not is_default_language_build(config):
        return  # the content check covers every language at once
    problems = check_content(settings_from_config(config))
    if problems:
        raise PluginError("The guide's content has problems:\n" + format_problems(problems))


def on_env(env, *, config, files):
    language = config.theme["language"]
    quiz, problems = checked_quiz(config)
    if problems:
        raise PluginError("The quiz data file has problems:\n" + format_problems(problems))
    env.globals["t"] = translator(language)
    env.filters["localized"] = localizer(config)
    env.globals["quiz"] = QuizView(quiz, language)
    return env


def on_post_build(*, config):
    write_bundles(Path(config.site_dir))


def on_post_page(output, *, page, config):
    return with_policy(output)


def on_post_template(output_content, *, template_name, config):
    return with_policy(output_content)
