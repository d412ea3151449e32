"""The CLI tests here run ``kredo`` against a real wallet, like tests/cli does."""

from tests.cli.conftest import kredo

__all__ = ["kredo"]
