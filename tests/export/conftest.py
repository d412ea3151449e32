"""The CLI fixture of tests/cli (a real wallet in a temporary folder, passphrase key)."""

from tests.cli.conftest import kredo  # noqa: F401 - re-exported as a fixture
