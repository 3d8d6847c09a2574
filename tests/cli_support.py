"""Run the command line in-process, as a user would see it: its exit code and its output.

``CliRunner().invoke(main, ["build", …])`` swaps stdout and stderr for buffers that also
feed one interleaved ``output`` (what a terminal shows), sets ``env`` for the call, and
returns the exit code ``main`` returned.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass


@dataclass
class Result:
    exit_code: int
    output: str
    stdout: str
    stderr: str


class _Tee(io.StringIO):
    """A stream that also copies what it is given into a shared one."""

    def __init__(self, shared: io.StringIO) -> None:
        super().__init__()
        self.shared = shared

    def write(self, text: str) -> int:
        self.shared.write(text)
        return super().write(text)


class CliRunner:
    def invoke(self, main: Callable[[list[str]], int], args: Sequence[str], env: Mapping[str, str] | None = None) -> Result:
        shared = io.StringIO()
        out, err = _Tee(shared), _Tee(shared)
        saved_env = {key: os.environ.get(key) for key in env or {}}
        saved = sys.stdout, sys.stderr
        os.environ.update(env or {})
        sys.stdout, sys.stderr = out, err
        try:
            code = main(list(args))
        finally:
            sys.stdout, sys.stderr = saved
            for key, value in saved_env.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        return Result(code, shared.getvalue(), out.getvalue(), err.getvalue())
