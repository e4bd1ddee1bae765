"""Drive the quiz page through its test contract (README.md, "Quiz test contract")."""

from __future__ import annotations

from quiz.loader import QUIZ_FILE
from quiz.messages import MESSAGES_FILE, load_messages
from quiz.model import Quiz
from quiz.rules import validate_quiz
from quiz.scoring import concerns
from quiz.share import share_key
from tests.support.site import ROOT

# Read the result back as the test contract exposes it.
_READ = """
() => {
  const result = document.querySelector("[data-quiz-result]");
  const flags = {};
  for (const row of result.querySelectorAll("[data-flag-result]")) {
    flags[row.getAttribute("data-flag-result")] = row.getAttribute("data-score");
  }
  const shown = (selector, name) => [...result.querySelectorAll(selector)]
    .filter((e) => !e.hidden)
    .map((e) => e.getAttribute(name));
  return {
    hidden: result.hidden,
    band: result.getAttribute("data-band"),
    score: result.getAttribute("data-score"),
    flags,
    concerns: shown("[data-concern]", "data-concern"),
    walkReason: shown("[data-walk-reason]", "data-walk-reason")[0] || null,
    raisedBy: shown("[data-raised-by]", "data-raised-by"),
  };
}
"""
# Check the given radios, submit the form, and read the result back, all in one round trip.
_SUBMIT = """
([answers]) => {
  const form = document.querySelector("form[data-quiz]");
  for (const input of form.querySelectorAll("input[type=radio]")) input.checked = false;
  for (const [name, value] of Object.entries(answers)) {
    form.querySelector(`input[type=radio][name="${name}"][value="${value}"]`).checked = true;
  }
  form.requestSubmit();
  return (READ)();
}
""".replace("READ", _READ.strip())


def real_quiz() -> Quiz:
    quiz, problems = validate_quiz(QUIZ_FILE, ROOT / "docs" / "flags")
    assert problems == []
    return quiz


def submit(page, answers: dict[str, str]) -> dict:
    """Answer (by question id and option id), submit, and return what the page shows."""
    return page.evaluate(_SUBMIT, [answers])


def read_result(page) -> dict:
    """What the page's result shows, in the contract's string form."""
    return page.evaluate(_READ)


def expected(result, quiz: Quiz) -> dict:
    """What the page must show for a reference `Result`, in the contract's string form."""
    return {
        "concerns": [flag.id for flag in concerns(quiz, result)],
        "walkReason": result.decided_by,
        "raisedBy": list(result.raised_by),  # file order, as the template lists them
        "hidden": False,
        "band": result.band,
        "score": "" if result.score is None else str(result.score),
        "flags": {flag.id: "" if flag.score is None else str(flag.score) for flag in result.flags},
    }


def click_answers(page, answers: dict[str, str]) -> None:
    """Answer as a person would, by clicking each option's label."""
    for question, option in answers.items():
        page.locator(f"label[for='q-{question}-{option}']").click()


# Answer sets the browser tests share, built from the real quiz.
QUIZ = real_quiz()
QUESTIONS = [question for _, question in QUIZ.questions()]
# The real message blocks, which the drafts are written from.
MESSAGES = load_messages(MESSAGES_FILE)[0]


def zero(question) -> str:
    return next(option.id for option in question.options if option.points == 0)


def unsure(question) -> str:
    return next(option.id for option in question.options if option.unsure)


def strongest(question, dealbreakers: bool) -> str:
    options = [
        o
        for o in question.options
        if o.points is not None and (dealbreakers or o.dealbreaker is None)
    ]
    return max(options, key=lambda option: option.points).id


GOOD = {question.id: zero(question) for question in QUESTIONS}
BAD = {question.id: strongest(question, dealbreakers=True) for question in QUESTIONS}


def _mixed(index: int, question) -> str:
    """A mixed prospect: some mild and some moderate concerns, a few unknowns, no dealbreaker."""
    if index % 4 == 3:
        return unsure(question)
    wanted = {0: 2, 1: 1}.get(index % 3, 0)
    return next(
        (o.id for o in question.options if o.points == wanted and o.least_band is None),
        zero(question),
    )


MIXED = {question.id: _mixed(index, question) for index, question in enumerate(QUESTIONS)}


def _care(index: int, question) -> str:
    """A prospect to proceed with care: one concern among mild answers, and a few unknowns."""
    if index % 5 == 4:
        return unsure(question)
    wanted = 2 if index == 0 else 1 if index % 2 == 0 else 0
    return next(
        (o.id for o in question.options if o.points == wanted and o.least_band is None),
        zero(question),
    )


CARE = {question.id: _care(index, question) for index, question in enumerate(QUESTIONS)}
# Walk away on the score alone: the strongest answers that are not dealbreakers.
WALK_BY_SCORE = {question.id: strongest(question, dealbreakers=False) for question in QUESTIONS}
UNSURE = {question.id: unsure(question) for question in QUESTIONS}


# The drafted message as the page shows it (README.md, "Quiz test contract"): the text box, the
# clauses listed below it, and the name the greeting takes (`[data-recipient-name]`).
_READ_MESSAGE = """
() => {
  const scope = document.querySelector("[data-quiz-scope]");
  return {
    text: scope.querySelector("[data-next-message]").value,
    terms: [...scope.querySelectorAll("[data-term]")]
      .filter((e) => !e.hidden)
      .map((e) => e.getAttribute("data-term")),
    name: scope.querySelector("[data-recipient-name]").value,
  };
}
"""
# Choose the name, tone, timing and variant, then answer and submit, all in one round trip.
_DRAFT = """
([answers, tone, timing, variant, name]) => {
  const scope = document.querySelector("[data-quiz-scope]");
  scope.querySelector("[data-recipient-name]").value = name;
  for (const [kind, value] of [["tone", tone], ["timing", timing], ["variant", variant]]) {
    scope.querySelector(`[data-message-${kind}="${value}"]`).checked = true;
  }
  (SUBMIT)([answers]);
  return (READ)();
}
""".replace("READ", _READ_MESSAGE.strip()).replace("SUBMIT", _SUBMIT.strip())


def read_message(page) -> dict:
    """The draft the page shows: {"text", "terms", "name"}."""
    return page.evaluate(_READ_MESSAGE)


def draft_on_page(
    page, answers: dict[str, str], tone: str, timing: str, variant: str | None, name: str
) -> dict:
    """Choose how the message is written, answer, submit, and read the draft back."""
    return page.evaluate(_DRAFT, [answers, tone, timing, variant or "", name])


def share_fragment(answers: dict[str, str]) -> str:
    """A share link's fragment (without #) for these answers, as quiz/share.py defines it."""
    return "v=1&a=" + "_".join(
        f"{share_key(question)}.{option}" for question, option in answers.items()
    )
