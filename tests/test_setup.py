"""Set-up on a machine with the wrong Python: the Makefile says so, naming Python, before it
creates or installs anything."""

from __future__ import annotations

import stat
import subprocess
import sys

from tests.support.site import ROOT


def test_an_old_python_gets_a_message_naming_python_before_anything_is_installed(tmp_path):
    # A stand-in that reports Debian 12's own Python and runs what -c gives it.
    fake = tmp_path / "python3.11.2"
    fake.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        "code = sys.argv[2] if sys.argv[1:2] == ['-c'] "
        "else sys.exit('this stand-in only runs -c')\n"
        "sys.version_info = (3, 11, 2, 'final', 0)\n"
        "sys.version = '3.11.2 (main) [GCC 12.2.0]'\n"
        "exec(compile(code, '-c', 'exec'))\n",
        encoding="utf-8",
    )
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    venv = tmp_path / "venv"
    result = subprocess.run(
        ["make", "-C", str(ROOT), f"VENV={venv}", f"PYTHON={fake}", "validate"],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert f"Python 3.11.5 or newer is needed, and {fake} is 3.11.2." in result.stderr
    assert "pymdown" not in result.stderr and "pip" not in result.stderr
    assert not venv.exists()
